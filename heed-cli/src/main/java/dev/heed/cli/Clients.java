package dev.heed.cli;

import dev.heed.runtime.catalog.RoutingSettings;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.kafka.KafkaSettings;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import dev.heed.schemas.topics.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka clients for the CLI's commands. Settings such as TLS or SASL pass through from the environment:
 * {@code HEED_KAFKA_SECURITY_PROTOCOL=SSL} becomes {@code security.protocol=SSL}.
 */
final class Clients {
    private final Endpoints endpoints;
    private final Map<String, Object> common;
    private final String topicSuffix;
    private final String routingApplicationId;

    Clients(Endpoints endpoints, Map<String, String> env) {
        this.endpoints = endpoints;
        Settings settings = new Settings(env);
        // HEED_KAFKA_* wins over what the local run's endpoints file gives (a secured run's operator user).
        this.common = new HashMap<>(endpoints.kafka());
        common.putAll(settings.kafkaPassthrough());
        this.topicSuffix = settings.get(KafkaSettings.TOPIC_SUFFIX);
        this.routingApplicationId = settings.get(RoutingSettings.APPLICATION_ID);
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers());
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /**
     * The topic catalog, with {@code HEED_TOPIC_SUFFIX} as the services read it; schemas are registered on first use
     * when the services have not yet.
     */
    HeedTopics topics() {
        return HeedTopics.create(new HttpSchemaRegistryClient(endpoints.registryUrl()), true, HeedTopics.DEFAULT_PARTITIONS, topicSuffix);
    }

    /** {@code HEED_TOPIC_SUFFIX}: what follows every topic name. */
    String topicSuffix() {
        return topicSuffix;
    }

    /** {@code HEED_ROUTING_APPLICATION_ID}: the prefix of routing's changelog topics. */
    String routingApplicationId() {
        return routingApplicationId;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return config;
    }

    /** A consumer that joins no group and commits nothing: reading is not consuming. */
    Map<String, Object> readerConfig() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /** Writes one record and waits for the broker's acknowledgement (acks=all), for the commands that write. */
    <V> RecordMetadata sendOne(Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(producerConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    Admin admin() {
        return Admin.create(new HashMap<>(common));
    }
}
