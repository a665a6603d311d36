package dev.heed.responder.kafka;

import dev.heed.events.ComplaintUpdated;
import dev.heed.responder.ack.UpdateWriter;
import dev.heed.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes updates to complaints.updated, keyed by complaint id (co-partitioned with the acknowledgements), and waits for the broker. */
public final class KafkaUpdateWriter implements UpdateWriter {
    private final Producer<byte[], byte[]> producer;
    private final Topic<String, ComplaintUpdated> topic;
    private final Duration timeout;

    public KafkaUpdateWriter(Producer<byte[], byte[]> producer, Topic<String, ComplaintUpdated> topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void write(ComplaintUpdated update) throws Exception {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), update);
        producer.send(new ProducerRecord<>(topic.name(), update.getComplaintId().getBytes(StandardCharsets.UTF_8), value))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
