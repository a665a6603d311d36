package dev.heed.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private static final String REGISTRY = "http://registry:8080/apis/ccompat/v7";

    @Test
    void everyServiceReadsTheSameDefaults() {
        KafkaSettings kafka = KafkaSettings.from(new Settings(Map.of("HEED_BOOTSTRAP_SERVERS", "b:9092", "HEED_REGISTRY_URL", REGISTRY)));

        assertThat(kafka).isEqualTo(new KafkaSettings("b:9092", REGISTRY, true, "", 6, (short) 1, true, Duration.ofDays(7), Map.of()));
        assertThat(kafka.clientProperties()).containsOnly(Map.entry("bootstrap.servers", "b:9092"));
    }

    @Test
    void theNamedBootstrapServersWinWithAWarningAndThePassThroughOneServesAlone() {
        Settings both = new Settings(Map.of("HEED_BOOTSTRAP_SERVERS", "named:9092", "HEED_KAFKA_BOOTSTRAP_SERVERS", "passed:9092",
                "HEED_REGISTRY_URL", REGISTRY));
        assertThat(KafkaSettings.from(both).clientProperties()).containsEntry("bootstrap.servers", "named:9092");
        assertThat(both.warnings()).containsExactly("HEED_BOOTSTRAP_SERVERS=named:9092 wins over HEED_KAFKA_BOOTSTRAP_SERVERS=passed:9092");

        Settings passed = new Settings(Map.of("HEED_KAFKA_BOOTSTRAP_SERVERS", "passed:9092", "HEED_REGISTRY_URL", REGISTRY));
        assertThat(KafkaSettings.from(passed).bootstrapServers()).isEqualTo("passed:9092");

        assertThatThrownBy(() -> KafkaSettings.from(new Settings(Map.of("HEED_REGISTRY_URL", REGISTRY))))
                .isInstanceOf(SettingsException.class).hasMessage("HEED_BOOTSTRAP_SERVERS is required");
    }

    @Test
    void securitySettingsPassThroughAndTheirSecretsAreNeverPrinted() {
        KafkaSettings kafka = KafkaSettings.from(new Settings(Map.of("HEED_BOOTSTRAP_SERVERS", "b:9093", "HEED_REGISTRY_URL", REGISTRY,
                "HEED_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "HEED_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "HEED_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"s3cret\";",
                "HEED_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/heed/truststore.p12", "HEED_KAFKA_SSL_TRUSTSTORE_PASSWORD", "tr0st")));

        assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.password", "tr0st").containsKey("sasl.jaas.config");
        assertThat(kafka.toString()).contains("security.protocol=SASL_SSL", "/etc/heed/truststore.p12", "sasl.jaas.config=[hidden]")
                .doesNotContain("s3cret", "tr0st");
    }

    @Test
    void theSuffixReachesEveryTopicName() {
        KafkaSettings kafka = KafkaSettings.from(new Settings(Map.of("HEED_BOOTSTRAP_SERVERS", "b:9092", "HEED_REGISTRY_URL", REGISTRY,
                "HEED_TOPIC_SUFFIX", ".v2", "HEED_TOPIC_PARTITIONS", "12")));

        assertThat(kafka.topics().all()).allSatisfy(spec -> {
            assertThat(spec.name()).endsWith(".v2");
            assertThat(spec.partitions()).isEqualTo(12);
        });
    }

    @Test
    void partitionsAndReplicationAreBounded() {
        var base = Map.of("HEED_BOOTSTRAP_SERVERS", "b:9092", "HEED_REGISTRY_URL", REGISTRY);
        var zero = new java.util.HashMap<>(base);
        zero.put("HEED_TOPIC_PARTITIONS", "0");
        assertThatThrownBy(() -> KafkaSettings.from(new Settings(zero))).hasMessage("HEED_TOPIC_PARTITIONS=0 is not at least 1");
    }

    @Test
    void thePersonalDataRetentionReachesTheTopicsThatHoldPersonalDataAndMustBePositive() {
        var base = Map.of("HEED_BOOTSTRAP_SERVERS", "b:9092", "HEED_REGISTRY_URL", REGISTRY);
        var month = new java.util.HashMap<>(base);
        month.put("HEED_PERSONAL_DATA_RETENTION", "30d");

        KafkaSettings kafka = KafkaSettings.from(new Settings(month));

        assertThat(kafka.personalDataRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(kafka.topics().feedbackReceived().spec().allConfigs()).containsEntry("retention.ms", "2592000000");
        assertThat(KafkaSettings.from(new Settings(base)).topics().responsesSent().spec().allConfigs())
                .containsEntry("retention.ms", "604800000");
        var zero = new java.util.HashMap<>(base);
        zero.put("HEED_PERSONAL_DATA_RETENTION", "0s");
        assertThatThrownBy(() -> KafkaSettings.from(new Settings(zero))).hasMessageContaining("HEED_PERSONAL_DATA_RETENTION").hasMessageContaining("more than zero");
    }
}
