package dev.heed.responder.it;

import dev.heed.events.ResponseSent;
import dev.heed.localstack.Stack;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import dev.heed.runtime.kafka.TopicEnsure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The test's side of the pipeline on one set of topics of its own (a unique suffix): writes what the
 * routing-service would write, and reads back what the responder wrote. Public for the console's ITs.
 */
public final class Pipeline implements AutoCloseable {
    public final HeedTopics topics;
    public final String suffix;
    private final Stack stack;
    private final Map<String, KafkaProducer<String, Object>> producers = new HashMap<>();

    public Pipeline(Stack stack) {
        this.stack = stack;
        this.suffix = "." + stack.uniqueName("it");
        this.topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3, suffix);
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
    }

    @SuppressWarnings("unchecked")
    public <V> void send(Topic<String, V> topic, String key, V value) throws Exception {
        KafkaProducer<String, Object> producer = producers.computeIfAbsent(topic.name(), name -> {
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            return new KafkaProducer<>(props, topic.keySerde().serializer(),
                    (org.apache.kafka.common.serialization.Serializer<Object>) topic.valueSerde().serializer());
        });
        producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }

    /** Writes one record in its own transaction, as the routing-service writes (so a commit marker follows it). */
    @SuppressWarnings("unchecked")
    public <V> void sendInTransaction(Topic<String, V> topic, String key, V value) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("tx"));
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                (org.apache.kafka.common.serialization.Serializer<Object>) topic.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic.name(), key, value));
            producer.commitTransaction();
        }
    }

    List<ResponseSent> responsesSent() {
        List<ResponseSent> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(topics.responsesSent().name())) {
            sent.add(topics.responsesSent().valueSerde().deserializer().deserialize(record.topic(), record.value()));
        }
        return sent;
    }

    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The environment a responder on these topics starts with. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HEED_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("HEED_REGISTRY_URL", stack.registryUrl());
        env.put("HEED_TOPIC_SUFFIX", suffix);
        env.put("HEED_TOPIC_PARTITIONS", "3");
        env.put("HEED_RESPONDER_GROUP_ID", "responder" + suffix);
        env.put("HEED_RESPONDER_PORT", "0");
        env.put("HEED_RESPONDER_PUBLIC_URL", "https://heed.example.com");
        env.put("HEED_KAFKA_METADATA_MAX_AGE_MS", "1000");
        return env;
    }

    @Override
    public void close() {
        producers.values().forEach(KafkaProducer::close);
    }
}
