package dev.heed.responder.kafka;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.responder.ack.AckWriter;
import dev.heed.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes acknowledgements to complaints.acknowledged, keyed by complaint id, and waits for the broker. */
public final class KafkaAckWriter implements AckWriter {
    private final Producer<byte[], byte[]> producer;
    private final Topic<String, ComplaintAcknowledged> topic;
    private final Duration timeout;

    public KafkaAckWriter(Producer<byte[], byte[]> producer, Topic<String, ComplaintAcknowledged> topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void write(ComplaintAcknowledged ack) throws Exception {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), ack);
        producer.send(new ProducerRecord<>(topic.name(), ack.getComplaintId().getBytes(StandardCharsets.UTF_8), value))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
