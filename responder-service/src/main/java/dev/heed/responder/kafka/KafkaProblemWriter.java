package dev.heed.responder.kafka;

import dev.heed.events.ProblemUpdated;
import dev.heed.responder.ack.ProblemWriter;
import dev.heed.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes problem actions to problems.updated, keyed by the problem id (one problem's actions keep their order), and waits for the broker. */
public final class KafkaProblemWriter implements ProblemWriter {
    private final Producer<byte[], byte[]> producer;
    private final Topic<String, ProblemUpdated> topic;
    private final Duration timeout;

    public KafkaProblemWriter(Producer<byte[], byte[]> producer, Topic<String, ProblemUpdated> topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void write(ProblemUpdated event) throws Exception {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
        producer.send(new ProducerRecord<>(topic.name(), event.getProblemId().getBytes(StandardCharsets.UTF_8), value))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
