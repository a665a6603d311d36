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
    void theResponderSignsVerdictLinksToTheLocalIngestWithTheSecretIngestChecks() {
        var services = ServiceCatalog.services(config, Map.of());
        Map<String, String> responder = services.get(1).environment();
        Map<String, String> ingest = services.get(2).environment();

        assertThat(responder.get("HEED_VERDICT_SECRET")).isEqualTo(ingest.get("HEED_VERDICT_SECRET")).isNotBlank();
        assertThat(responder).containsEntry("HEED_VERDICT_URL", "http://127.0.0.1:" + ingest.get("HEED_INGEST_PORT"));
        assertThat(services.get(0).environment()).doesNotContainKey("HEED_VERDICT_SECRET");
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

    // The catalog used to hold the services' class and variable names as strings; now each service gets the
    // variables it declares, whatever their family, and the local run's own values win.
    @Test
    void eachServiceGetsTheVariablesItDeclaresAndTheLocalRunsOwnValuesWin() {
        Map<String, String> env = Map.of(
                "HEED_INGEST_RATE_PER_SECOND", "500",
                "HEED_ROUTING_PUNCTUATE_INTERVAL", "250ms",
                "HEED_WEBHOOK_TIMEOUT_MS", "2000",
                "HEED_INGEST_PORT", "9999",
                "HEED_KAFKA_SECURITY_PROTOCOL", "SSL");
        var services = ServiceCatalog.services(config, env);
        Map<String, String> routing = services.get(0).environment();
        Map<String, String> responder = services.get(1).environment();
        Map<String, String> ingest = services.get(2).environment();

        assertThat(ingest).containsEntry("HEED_INGEST_RATE_PER_SECOND", "500").containsEntry("HEED_INGEST_PORT", "28080")
                .doesNotContainKeys("HEED_ROUTING_PUNCTUATE_INTERVAL", "HEED_KAFKA_SECURITY_PROTOCOL");
        assertThat(routing).containsEntry("HEED_ROUTING_PUNCTUATE_INTERVAL", "250ms").doesNotContainKey("HEED_INGEST_RATE_PER_SECOND");
        assertThat(responder).as("a former name is the responder's too").containsEntry("HEED_WEBHOOK_TIMEOUT_MS", "2000");
        assertThat(services).extracting(ServiceSpec::mainClass).containsExactly("dev.heed.routing.app.RoutingApplication",
                "dev.heed.responder.ResponderApplication", "dev.heed.ingest.IngestApplication");
    }
}
