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

    @Test
    void theDefaultPortsAreBelowLinuxsEphemeralRangeAndAMovedPortInsideItIsNamed() {
        // Linux's default range; a port in it can be taken by a connection to itself before its service listens.
        assertThat(PortCheck.inEphemeralRange(LocalRunConfig.from(CHECKOUT, Map.of()).ports(), 32768, 60999)).isEmpty();

        var moved = LocalRunConfig.from(CHECKOUT, Map.of("HEED_LOCAL_ROUTING_PORT", "38082")).ports();
        assertThat(PortCheck.inEphemeralRange(moved, 32768, 60999)).singleElement().asString()
                .startsWith("port 38082 (routing-service) is in the kernel's range").contains("below 32768");
    }
}
