package dev.heed.responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.EscalationLevel;
import dev.heed.runtime.config.Durations;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.responder.reply.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponderConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("HEED_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092");
        env.put("HEED_REGISTRY_URL", "http://registry:8080/apis/ccompat/v7");
        return env;
    }

    @Test
    void shouldApplyDefaults() {
        ResponderConfig config = ResponderConfig.from(minimal());

        assertThat(config.port()).isEqualTo(8083);
        assertThat(config.publicUrl()).isEqualTo("http://localhost:8083");
        assertThat(config.groupId()).isEqualTo("heed-responder");
        assertThat(config.kafka().partitions()).isEqualTo(6);
        assertThat(config.smtp()).isNull();
        assertThat(config.backoff().maxAttempts()).isEqualTo(5);
        assertThat(config.escalationWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.defaultLanguage()).isEqualTo("en");
    }

    @Test
    void shouldAskForAVerdictOnlyWithBothTheSecretAndIngestsUrl() {
        Map<String, String> both = minimal();
        both.put("HEED_VERDICT_SECRET", "a-secret-of-sixteen-or-more");
        both.put("HEED_VERDICT_URL", "https://feedback.example.com");
        Map<String, String> secretOnly = minimal();
        secretOnly.put("HEED_VERDICT_SECRET", "a-secret-of-sixteen-or-more");
        Map<String, String> shortSecret = new HashMap<>(both);
        shortSecret.put("HEED_VERDICT_SECRET", "too-short");

        assertThat(ResponderConfig.from(both).verdictQuestion()).hasValueSatisfying(q -> {
            assertThat(q.baseUrl()).isEqualTo("https://feedback.example.com");
            assertThat(q.ttl()).isEqualTo(Duration.ofDays(5));
        });
        assertThat(ResponderConfig.from(secretOnly).verdictQuestion()).isEmpty();
        assertThat(ResponderConfig.from(minimal()).verdictQuestion()).isEmpty();
        assertThatThrownBy(() -> ResponderConfig.from(shortSecret)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("HEED_VERDICT_SECRET=(secret)").hasMessageNotContaining("too-short");
    }

    @Test
    void shouldWriteReplyTimesInUtcByNameByDefault() {
        ResponderConfig config = ResponderConfig.from(minimal());

        assertThat(new TimeFormat(config.zone()).time(Instant.parse("2026-11-20T11:15:00Z"))).isEqualTo("2026-11-20 11:15 UTC");
    }

    @Test
    void shouldReadHowMuchToDoAtOnce() {
        Map<String, String> env = minimal();
        assertThat(ResponderConfig.from(env).concurrency())
                .isEqualTo(new ResponderConfig.Concurrency(64, 16, 8, 1000, Duration.ofSeconds(30)));

        env.put("HEED_SEND_CONCURRENCY", "128");
        env.put("HEED_WEBHOOK_CONCURRENCY_PER_HOST", "32");
        env.put("HEED_SMTP_CONNECTIONS", "2");
        env.put("HEED_RESPONDER_MAX_PENDING", "5000");
        env.put("HEED_RESPONDER_REVOKE_WAIT", "500ms");
        assertThat(ResponderConfig.from(env).concurrency())
                .isEqualTo(new ResponderConfig.Concurrency(128, 32, 2, 5000, Duration.ofMillis(500)));

        env.put("HEED_SEND_CONCURRENCY", "0");
        assertThatThrownBy(() -> ResponderConfig.from(env)).hasMessageStartingWith("HEED_SEND_CONCURRENCY=0");
    }

    @Test
    void shouldListenOnEveryInterfaceWithHealthBesideTheApiUnlessToldOtherwise() {
        Map<String, String> env = minimal();
        assertThat(ResponderConfig.from(env).host()).isEqualTo("0.0.0.0");
        assertThat(ResponderConfig.from(env).opsPort()).isEmpty();

        env.put("HEED_RESPONDER_HOST", "127.0.0.1");
        env.put("HEED_RESPONDER_OPS_PORT", "9083");
        assertThat(ResponderConfig.from(env).host()).isEqualTo("127.0.0.1");
        assertThat(ResponderConfig.from(env).opsPort()).hasValue(9083);

        env.put("HEED_RESPONDER_OPS_PORT", "8083");
        assertThatThrownBy(() -> ResponderConfig.from(env)).hasMessageStartingWith("HEED_RESPONDER_OPS_PORT=8083 is HEED_RESPONDER_PORT too");
        env.put("HEED_RESPONDER_OPS_PORT", "metrics");
        assertThatThrownBy(() -> ResponderConfig.from(env)).hasMessage("HEED_RESPONDER_OPS_PORT=metrics is not an integer");
    }

    @Test
    void shouldPassKafkaSettingsThrough() {
        Map<String, String> env = minimal();
        env.put("HEED_KAFKA_SECURITY_PROTOCOL", "SSL");

        assertThat(ResponderConfig.from(env).kafka().clientProperties())
                .containsEntry("bootstrap.servers", "broker-1:9092").containsEntry("security.protocol", "SSL");
    }

    @Test
    void shouldReadSourcesAgentRoutesAndSmtp() {
        Map<String, String> env = minimal();
        env.put("HEED_SOURCE_WEB_FORM_WEBHOOK_URL", "https://web.example.com/replies");
        env.put("HEED_SOURCE_WEB_FORM_WEBHOOK_SECRET", "whsec_abc");
        env.put("HEED_SOURCE_WEB_FORM_PREFER", "webhook");
        env.put("HEED_AGENTS_BILLING_TEAM_LEAD", "lead@example.com, https://chat.example.com/leads");
        env.put("HEED_AGENT_WEBHOOK_SECRET", "whsec_agents");
        env.put("HEED_SMTP_HOST", "smtp.example.com");
        env.put("HEED_SMTP_PORT", "2525");

        ResponderConfig config = ResponderConfig.from(env);

        assertThat(config.sources().get("WEB_FORM").preferWebhook()).isTrue();
        assertThat(config.sources().get("WEB_FORM").webhookSecret()).isEqualTo("whsec_abc");
        assertThat(config.agentRoutes().recipients("billing", EscalationLevel.TEAM_LEAD))
                .extracting(r -> r.channel() + " " + r.address() + " " + r.webhookSecret())
                .containsExactly("EMAIL lead@example.com null", "WEBHOOK https://chat.example.com/leads whsec_agents");
        assertThat(config.agentRoutes().recipients("billing", EscalationLevel.AGENT)).isEmpty();
        assertThat(config.smtp().port()).isEqualTo(2525);
        assertThat(config.toString()).doesNotContain("whsec");
    }

    @Test
    void shouldNameTheVariableThatIsMissingOrWrong() {
        Map<String, String> env = minimal();
        env.remove("HEED_KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> ResponderConfig.from(env)).hasMessageContaining("HEED_BOOTSTRAP_SERVERS");
        env.put("HEED_BOOTSTRAP_SERVERS", "broker-2:9092");
        assertThat(ResponderConfig.from(env).kafka().clientProperties()).containsEntry("bootstrap.servers", "broker-2:9092");

        Map<String, String> bad = minimal();
        bad.put("HEED_RETRY_MAX_ATTEMPTS", "many");
        assertThatThrownBy(() -> ResponderConfig.from(bad)).hasMessageContaining("HEED_RETRY_MAX_ATTEMPTS");

        Map<String, String> prefer = minimal();
        prefer.put("HEED_SOURCE_X_PREFER", "pigeon");
        assertThatThrownBy(() -> ResponderConfig.from(prefer)).hasMessageContaining("HEED_SOURCE_X_PREFER");
    }

    // Drift found in issue 20: the responder let HEED_KAFKA_BOOTSTRAP_SERVERS win over HEED_BOOTSTRAP_SERVERS,
    // the other services the reverse. Now every service: the named variable wins, with a warning.
    @Test
    void shouldLetTheNamedBootstrapServersWinOverThePassThroughLikeEveryService() {
        Map<String, String> env = minimal();
        env.put("HEED_BOOTSTRAP_SERVERS", "named:9092");
        Settings settings = new Settings(env);

        assertThat(ResponderConfig.from(settings).kafka().clientProperties()).containsEntry("bootstrap.servers", "named:9092");
        assertThat(settings.warnings()).contains("HEED_BOOTSTRAP_SERVERS=named:9092 wins over HEED_KAFKA_BOOTSTRAP_SERVERS=broker-1:9092");
    }

    // Drift found in issue 20: the responder always created its topics; now it reads HEED_CREATE_TOPICS like the others.
    @Test
    void shouldReadTheCreateTopicsSwitch() {
        Map<String, String> env = minimal();
        assertThat(ResponderConfig.from(env).kafka().createTopics()).isTrue();
        env.put("HEED_CREATE_TOPICS", "false");
        assertThat(ResponderConfig.from(env).kafka().createTopics()).isFalse();
    }

    // Drift found in issue 20: durations were *_MS numbers here, 30s in routing. The new names take 30s; the old
    // ones are still read as milliseconds for one release, with a warning, and lose to the new name when both are set.
    @Test
    void shouldReadDurationsInTheOneSyntaxAndTheFormerMillisecondNamesWithAWarning() {
        Map<String, String> env = minimal();
        env.put("HEED_WEBHOOK_TIMEOUT", "3s");
        env.put("HEED_ESCALATION_WAIT_MS", "1500");
        env.put("HEED_RETRY_MAX", "1m");
        env.put("HEED_RETRY_MAX_MS", "5");
        Settings settings = new Settings(env);

        ResponderConfig config = ResponderConfig.from(settings);

        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.escalationWait()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.backoff().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.warnings()).containsExactlyInAnyOrder(
                "HEED_ESCALATION_WAIT_MS is deprecated: use HEED_ESCALATION_WAIT, which takes " + Durations.EXPECTED
                        + "; the next release will not read HEED_ESCALATION_WAIT_MS",
                "HEED_RETRY_MAX_MS is ignored: HEED_RETRY_MAX is set, and HEED_RETRY_MAX_MS is a former name that the next release will not read");
    }

    // The local run starts this service by the class name its descriptor holds; renaming the class must fail here.
    @Test
    void theDescriptorNamesThisServicesMainClass() {
        assertThat(dev.heed.runtime.catalog.Services.RESPONDER.mainClass()).isEqualTo(ResponderApplication.class.getName());
    }
}
