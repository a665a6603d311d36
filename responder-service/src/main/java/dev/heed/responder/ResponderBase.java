package dev.heed.responder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.responder.kafka.KafkaClients;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.topics.HeedTopics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * What every feature of the responder shares: the topics (ensured as every service ensures them), the Kafka clients' settings,
 * the one producer, the meters and the JSON mapper. {@link #close()} closes the producer.
 */
record ResponderBase(ResponderConfig config, HeedTopics topics, KafkaClients clients, KafkaProducer<byte[], byte[]> producer,
                     PrometheusMeterRegistry meters, ObjectMapper json) implements AutoCloseable {
    /** How long a write to Kafka (an outcome, a dead letter, an acknowledgement) may take. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    static ResponderBase open(ResponderConfig config) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HeedTopics topics = config.kafka().topics();
        TopicEnsure.ensure(config.kafka(), topics.all());
        KafkaClients clients = new KafkaClients(config.kafka().clientProperties());
        KafkaProducer<byte[], byte[]> producer = clients.producer(config.groupId() + "-producer");
        new KafkaClientMetrics(producer).bindTo(meters);
        return new ResponderBase(config, topics, clients, producer, meters, new ObjectMapper());
    }

    /** A client id of this responder's group: {@code <group>-<purpose>}. */
    String clientId(String purpose) {
        return config.groupId() + "-" + purpose;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
