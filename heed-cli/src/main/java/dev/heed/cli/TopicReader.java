package dev.heed.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic from the beginning to the end offsets it had when reading began, with a bound. */
final class TopicReader<K, V> {
    private final KafkaConsumer<K, V> consumer;
    private final String topic;
    private final Duration timeout;
    private final Duration readTimeout;

    TopicReader(KafkaConsumer<K, V> consumer, String topic, Duration timeout) {
        this(consumer, topic, timeout, timeout);
    }

    /** {@code timeout} for the metadata and end offsets, {@code readTimeout} for reading the whole topic. */
    TopicReader(KafkaConsumer<K, V> consumer, String topic, Duration timeout, Duration readTimeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.timeout = timeout;
        this.readTimeout = readTimeout;
    }

    void readToEnd(Consumer<ConsumerRecord<K, V>> sink) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(readTimeout);
        while (!reached(ends)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + readTimeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
