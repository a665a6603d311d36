package dev.heed.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.runtime.config.Setting;
import dev.heed.runtime.kafka.KafkaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is the rendering of the declarations. To change it, change a declaration and run
 * {@code ./mvnw -q -pl runtime test -Dtest=ConfigurationReferenceTest -Dheed.docs.write=true}.
 */
class ConfigurationReferenceTest {
    private static final Path FILE = Path.of("..", "docs", "configuration.md");

    @Test
    void theReferenceIsTheRenderingOfTheDeclarations() throws Exception {
        String rendered = ConfigurationReference.render();
        if (Boolean.getBoolean("heed.docs.write")) {
            Files.writeString(FILE, rendered);
        }
        assertThat(Files.readString(FILE)).as("docs/configuration.md is stale: run with -Dheed.docs.write=true").isEqualTo(rendered);
    }

    @Test
    void noVariableIsDeclaredTwiceAndEveryOneIsDocumented() {
        List<Setting<?>> all = new ArrayList<>(KafkaSettings.DECLARED);
        Services.ALL.forEach(service -> all.addAll(service.settings()));
        all.addAll(LocalRunSettings.DECLARED);
        Set<String> seen = new HashSet<>();
        String rendered = ConfigurationReference.render();
        for (Setting<?> setting : all) {
            // Routing and the responder both read the one list of tokens; ingest and the responder the one verdict secret.
            if (setting != CommonSettings.ACK_TOKENS && setting != CommonSettings.VERDICT_SECRET) {
                assertThat(seen.add(setting.name())).as(setting.name() + " is declared once").isTrue();
            }
            assertThat(setting.description()).as(setting.name()).isNotBlank();
            assertThat(rendered).contains("`" + setting.name() + "`");
        }
    }
}
