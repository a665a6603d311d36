package dev.heed.routing.bench;

import dev.heed.localstack.Stack;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the benchmarks on the in-process stack share: Heed's topics on it, and a producer that loads their input. */
final class BenchKafka {

    private BenchKafka() {
    }

    /** Heed's topics with the registry's serdes, and routing's reply topics, created on the stack (replication 1) if missing. */
    static HeedTopics topics(Stack stack) {
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, HeedTopics.DEFAULT_PARTITIONS);
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
        // The reply topics of the topology the benchmarks build (RoutingTopology's default ones), which routing makes at start.
        TopicEnsure.createMissing(stack.admin(), RoutingTopology.DEFAULT_REPLY_TOPICS.specs(topics), (short) 1, Duration.ofSeconds(30));
        return topics;
    }

    /** An idempotent producer for loading input records in bulk. */
    static KafkaProducer<String, byte[]> loader(Stack stack) {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // One request in flight: with five, a loaded in-process broker answered OUT_OF_ORDER_SEQUENCE_NUMBER
                // and the producer retried without end (one run hung in flush for minutes).
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new StringSerializer(), new ByteArraySerializer());
    }
}
