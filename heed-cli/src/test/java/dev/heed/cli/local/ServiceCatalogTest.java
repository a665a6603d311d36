package dev.heed.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {
    private final LocalRunConfig config = LocalRunConfig.from(Path.of("/work/heed"), Map.of());

    @Test
    void everyServiceOfTheLocalRunListensOnLoopbackOnly() {
        Map<String, Map<String, String>> env = new java.util.HashMap<>();
        ServiceCatalog.services(config, Map.of()).forEach(s -> env.put(s.name(), s.environment()));

        assertThat(env.get("ingest-service")).containsEntry("HEED_INGEST_HOST", "127.0.0.1");
        assertThat(env.get("routing-service")).containsEntry("HEED_ROUTING_HTTP_HOST", "127.0.0.1");
        assertThat(env.get("responder-service")).containsEntry("HEED_RESPONDER_HOST", "127.0.0.1");
    }

    @Test
    void routingTakesTheDemoAgentsTokenForComplaintQueriesAsTheResponderDoesForAcknowledgements() {
        Map<String, String> routing = ServiceCatalog.services(config, Map.of()).get(0).environment();
        Map<String, String> responder = ServiceCatalog.services(config, Map.of()).get(1).environment();

        assertThat(routing.get("HEED_ACK_TOKENS")).isEqualTo(responder.get("HEED_ACK_TOKENS"))
                .endsWith(ServiceCatalog.DEMO_AGENT_TOKEN_SHA256);
    }
}
