package dev.heed.responder.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Makes the responder's Kafka clients from the pass-through settings. Values are read and written as bytes
 * and (de)serialized per record, so one unreadable record is dead-lettered instead of failing a poll.
 */
public final class KafkaClients {
    private final Map<String, Object> base;

    public KafkaClients(Map<String, Object> base) {
        this.base = Map.copyOf(base);
    }

    /** Idempotent, acks=all: an outcome counts as recorded only once every in-sync replica has it. */
    public KafkaProducer<byte[], byte[]> producer(String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The work consumer: a group member that commits by hand, starting from the beginning when it has no offset. */
    public KafkaConsumer<byte[], byte[]> groupConsumer(String groupId, String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The routing-service writes under exactly_once_v2: never answer a record its transaction aborted.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Sends are slow next to Kafka; small batches keep one poll's work well inside max.poll.interval.ms.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        // The range assignor gives one member the same partition number of every input topic.
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.RangeAssignor");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A group-less reader for {@link TopicTailer}: it reads only committed transactional records. */
    public KafkaConsumer<byte[], byte[]> tailConsumer(String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
