package dev.heed.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.runtime.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {
    private static Map<String, String> minimal() {
        var env = new HashMap<String, String>();
        env.put("HEED_BOOTSTRAP_SERVERS", "broker-1:9093");
        env.put("HEED_REGISTRY_URL", "http://registry:8080/apis/ccompat/v7");
        return env;
    }

    @Test
    void shouldApplyDefaultsWhenOnlyAddressesAreGiven() {
        IngestConfig config = IngestConfig.from(minimal());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.limits().maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(config.limits().maxBatchItems()).isEqualTo(500);
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.shutdownGrace()).as("twice the Kafka timeout").isEqualTo(Duration.ofSeconds(20));
        assertThat(config.tls()).isEmpty();
        assertThat(config.apiKeys().size()).isZero();
    }

    @Test
    void shouldPassKafkaSettingsThroughByPrefix() {
        var env = minimal();
        env.put("HEED_KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("HEED_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/trust.p12");
        env.put("HEED_INGEST_PORT", "9000");

        IngestConfig config = IngestConfig.from(env);

        assertThat(config.kafka().passthrough()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SSL", "ssl.truststore.location", "/etc/kafka/trust.p12"));
        assertThat(config.port()).isEqualTo(9000);
    }

    @Test
    void shouldReadKeysTlsAndDurations() {
        var env = minimal();
        env.put("HEED_INGEST_API_KEYS", "web-form=" + ApiKeyRegistry.hash("s3cret"));
        env.put("HEED_INGEST_TLS_KEYSTORE", "/etc/heed/tls.p12");
        env.put("HEED_INGEST_KAFKA_TIMEOUT", "PT3S");
        env.put("HEED_INGEST_RETRY_AFTER", "7");

        IngestConfig config = IngestConfig.from(env);

        assertThat(config.apiKeys().authenticate("s3cret")).contains("web-form");
        assertThat(config.tls()).hasValueSatisfying(tls -> assertThat(tls.type()).isEqualTo("PKCS12"));
        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.shutdownGrace()).as("follows the Kafka timeout").isEqualTo(Duration.ofSeconds(6));
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(7));

        env.put("HEED_INGEST_SHUTDOWN_GRACE", "PT45S");
        assertThat(IngestConfig.from(env).shutdownGrace()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldRefuseMissingAddressesAndMalformedValuesNamingTheVariable() {
        assertThatThrownBy(() -> IngestConfig.from(Map.of("HEED_REGISTRY_URL", "http://r")))
                .hasMessageContaining("HEED_BOOTSTRAP_SERVERS");
        var env = minimal();
        env.put("HEED_INGEST_PORT", "eighty");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_INGEST_PORT");
        env.put("HEED_INGEST_PORT", "80");
        env.put("HEED_INGEST_KAFKA_TIMEOUT", "soon");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_INGEST_KAFKA_TIMEOUT");
        env.remove("HEED_INGEST_KAFKA_TIMEOUT");
        env.put("HEED_REGISTRY_AUTO_REGISTER", "maybe");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_REGISTRY_AUTO_REGISTER");
    }

    @Test
    void shouldBoundUploadsAndFailedAuthenticationsByDefaultAndServeOperationsOnTheMainPort() {
        IngestConfig config = IngestConfig.from(minimal());

        assertThat(config.uploads()).isEqualTo(new IngestConfig.Uploads(Duration.ofSeconds(10), Duration.ofSeconds(30), 64, 256));
        assertThat(config.authFailures()).isEqualTo(new IngestConfig.AuthFailures(20, Duration.ofMinutes(1), 10_000));
        assertThat(config.opsPort()).isEmpty();
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldReadTheOperationsPortAndRefuseTheMainOneOrBoundsBelowOne() {
        var env = minimal();
        env.put("HEED_INGEST_OPS_PORT", "9090");
        assertThat(IngestConfig.from(env).opsPort()).hasValue(9090);

        env.put("HEED_INGEST_OPS_PORT", "8080");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_INGEST_OPS_PORT");
        env.remove("HEED_INGEST_OPS_PORT");
        env.put("HEED_INGEST_MAX_UPLOADS_PER_KEY", "0");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_INGEST_MAX_UPLOADS_PER_KEY");
        env.remove("HEED_INGEST_MAX_UPLOADS_PER_KEY");
        env.put("HEED_INGEST_BODY_TIMEOUT", "PT0S");
        assertThatThrownBy(() -> IngestConfig.from(env)).hasMessageContaining("HEED_INGEST_BODY_TIMEOUT");
    }

    // Drift found in issue 20: ingest ignored HEED_TOPIC_SUFFIX and wrote the unsuffixed topic.
    @Test
    void shouldWriteToTheSuffixedTopicLikeEveryOtherService() {
        var env = minimal();
        env.put("HEED_TOPIC_SUFFIX", ".run-7");

        IngestConfig config = IngestConfig.from(env);

        assertThat(config.kafka().topicSuffix()).isEqualTo(".run-7");
        assertThat(config.kafka().topics().feedbackReceived().name()).isEqualTo("feedback.received.run-7");
    }

    // Drift found in issue 20: ingest read HEED_INGEST_CREATE_TOPICS where the others read HEED_CREATE_TOPICS.
    @Test
    void shouldReadTheCommonCreateTopicsSwitchAndItsFormerNameWithAWarning() {
        var env = minimal();
        env.put("HEED_CREATE_TOPICS", "false");
        assertThat(IngestConfig.from(env).kafka().createTopics()).isFalse();

        var former = minimal();
        former.put("HEED_INGEST_CREATE_TOPICS", "false");
        var settings = new Settings(former);
        assertThat(IngestConfig.from(settings).kafka().createTopics()).isFalse();
        assertThat(settings.warnings()).singleElement().asString()
                .contains("HEED_INGEST_CREATE_TOPICS is deprecated: use HEED_CREATE_TOPICS");
    }

    // One duration syntax: 30s as routing writes it, ISO as before, and a bare number still seconds, warned.
    @Test
    void shouldReadDurationsInTheOneSyntaxAndWarnAboutBareSeconds() {
        var env = minimal();
        env.put("HEED_INGEST_KAFKA_TIMEOUT", "3s");
        env.put("HEED_INGEST_IDEMPOTENCY_TTL", "2h");
        env.put("HEED_INGEST_RETRY_AFTER", "7");
        var settings = new Settings(env);

        IngestConfig config = IngestConfig.from(settings);

        assertThat(config.kafkaTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.idempotencyTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.warnings()).singleElement().asString().contains("HEED_INGEST_RETRY_AFTER=7 is read as 7 seconds; write 7s");
    }

    // The local run starts this service by the class name its descriptor holds; renaming the class must fail here.
    @Test
    void theDescriptorNamesThisServicesMainClass() {
        assertThat(dev.heed.runtime.catalog.Services.INGEST.mainClass()).isEqualTo(IngestApplication.class.getName());
    }
}
