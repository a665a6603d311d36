package dev.heed.routing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.sla.PolicyBook;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the topology's shape. Node and store names become changelog topics and query names, so a change
 * here is a migration: update {@code routing-topology.txt} deliberately, in the same commit that explains it.
 */
class TopologyDescriptionTest {

    @Test
    void theTopologyDescriptionIsThePinnedOne() throws IOException {
        String actual = RoutingTopology.build(HeedTopics.create(new InMemorySchemaRegistry(), true, 6),
                new ScriptedClassifier(), PolicyBook.defaults(), ClockSettings.defaults()).describe().toString();

        assertThat(normalize(actual)).isEqualTo(normalize(expected()));
    }

    private static String expected() throws IOException {
        try (InputStream in = TopologyDescriptionTest.class.getResourceAsStream("routing-topology.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalize(String description) {
        return description.strip().replaceAll("[ \\t]+\\n", "\n");
    }
}
