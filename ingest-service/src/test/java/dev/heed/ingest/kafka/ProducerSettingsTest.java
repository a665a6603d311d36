package dev.heed.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
    @Test
    void shouldKeepTheSafetySettingsWhateverThePassThroughSays() {
        Map<String, Object> props = ProducerSettings.of("b:9092", Duration.ofSeconds(8),
                Map.of("acks", "1", "enable.idempotence", "false", "security.protocol", "SSL", "linger.ms", "20"));

        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 7980);
    }

    @Test
    void shouldNotLingerByDefaultSinceEveryAnswerWaitsForItsAck() {
        Map<String, Object> props = ProducerSettings.of("b:9092", Duration.ofSeconds(8), Map.of());
        assertThat(props).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 8000);
    }

    @Test
    void shouldBeAcceptedByKafkasOwnConfigCheck() {
        Map<String, Object> props = ProducerSettings.of("b:9092", Duration.ofSeconds(2), Map.of());
        // ProducerConfig's constructor enforces delivery.timeout.ms >= linger.ms + request.timeout.ms.
        var config = new ProducerConfig(props);
        assertThat(config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(2000);
    }
}
