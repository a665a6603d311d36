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

    @Test
    void theResponderGetsTheAgentRecipientsSmtpAndSourceSettingsOfTheEnvironmentAndNoOtherServiceDoes() {
        Map<String, String> env = Map.of(
                "HEED_AGENTS_DEFAULT_AGENT", "mailto:agent@example.com",
                "HEED_AGENTS_BILLING_MANAGER", "https://hooks.example.com/managers",
                "HEED_AGENT_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "HEED_SMTP_HOST", "smtp.example.com",
                "HEED_SOURCE_WEB_FORM_WEBHOOK_URL", "https://web.example.com/replies",
                "HEED_UNRELATED", "x");
        Map<String, String> routing = ServiceCatalog.services(config, env).get(0).environment();
        Map<String, String> responder = ServiceCatalog.services(config, env).get(1).environment();

        assertThat(responder).containsEntry("HEED_AGENTS_DEFAULT_AGENT", "mailto:agent@example.com")
                .containsEntry("HEED_AGENTS_BILLING_MANAGER", "https://hooks.example.com/managers")
                .containsEntry("HEED_AGENT_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .containsEntry("HEED_SMTP_HOST", "smtp.example.com")
                .containsEntry("HEED_SOURCE_WEB_FORM_WEBHOOK_URL", "https://web.example.com/replies")
                .doesNotContainKey("HEED_UNRELATED");
        assertThat(routing).doesNotContainKeys("HEED_AGENTS_DEFAULT_AGENT", "HEED_SMTP_HOST");
    }
}
