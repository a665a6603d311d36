package dev.heed.routing.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one topic from the beginning, committed records only, keeping everything read for a key. */
final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final String key;
    private final List<V> values = new ArrayList<>();

    TopicReader(String bootstrap, String group, String topic, Deserializer<V> values, String key) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        this.key = key;
    }

    /** Everything read so far for the key, after one more short poll. */
    List<V> poll() {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
            if (key.equals(record.key())) {
                values.add(record.value());
            }
        }
        return List.copyOf(values);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
