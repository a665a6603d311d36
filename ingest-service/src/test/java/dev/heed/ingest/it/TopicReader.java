package dev.heed.ingest.it;

import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic with a plain consumer, decoding values with the project's registry serde. */
final class TopicReader {
    /** One record as a downstream consumer sees it. */
    record Read(ConsumerRecord<String, byte[]> raw, FeedbackReceived value) {}

    private final String bootstrapServers;
    private final AvroSerde<FeedbackReceived> serde;

    TopicReader(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.serde = AvroSerde.of(FeedbackReceived.class, new HttpSchemaRegistryClient(registryUrl), false);
    }

    /** Every record from the beginning to the end offsets as of this call. */
    List<Read> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            var records = new ArrayList<Read>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(new Read(r, serde.deserializer().deserialize(topic, r.value()))));
            }
            return records;
        }
    }

    /** The sum of the end offsets: how many records the topic has ever taken. */
    long endOffsetSum(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
