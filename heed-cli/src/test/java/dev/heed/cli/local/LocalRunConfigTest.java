package dev.heed.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunConfigTest {
    private static final Path CHECKOUT = Path.of("/work/heed");

    @Test
    void theEndpointsFileTheOtherCommandsReadFollowsTheDataDirectory() {
        assertThat(LocalRunConfig.from(CHECKOUT, Map.of()).endpointsFile())
                .isEqualTo(CHECKOUT.resolve(".heed/endpoints.properties"));
        assertThat(LocalRunConfig.from(CHECKOUT, Map.of("HEED_LOCAL_DATA_DIR", "/tmp/elsewhere")).endpointsFile())
                .isEqualTo(Path.of("/tmp/elsewhere/endpoints.properties"));
    }

    @Test
    void aMalformedPortNamesItsVariable() {
        assertThatThrownBy(() -> LocalRunConfig.from(CHECKOUT, Map.of("HEED_LOCAL_INGEST_PORT", "80a")))
                .hasMessage("HEED_LOCAL_INGEST_PORT=80a is not an integer");
    }
}
