package dev.heed.responder.kafka;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.responder.delivery.OutcomeLog;
import dev.heed.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Writes final outcomes to responses.sent and unreadable or undeliverable triggers to responder.dlq, each
 * waiting for the broker's acknowledgement (acks=all, idempotent producer): the caller commits the
 * trigger's offset only after this returns. A write that does not succeed in time throws
 * {@link RecordingFailedException}, which stops the consumer without committing.
 */
public final class OutcomeRecorder implements OutcomeLog {
    public static final String ERROR_HEADER = "heed.error";
    public static final String REASON_HEADER = "heed.error.reason";
    public static final String TOPIC_HEADER = "heed.source.topic";
    public static final String PARTITION_HEADER = "heed.source.partition";
    public static final String OFFSET_HEADER = "heed.source.offset";
    public static final String MESSAGE_ID_HEADER = "heed.message-id";

    /** Never written: only serialized by {@link #prepare()}, for the schema id. */
    private static final ResponseSent PLACEHOLDER = ResponseSent.newBuilder()
            .setMessageId("prepare").setFeedbackId("prepare").setKind(ResponseKind.CUSTOMER_REPLY).setTrigger("prepare")
            .setChannel(DeliveryChannel.NONE).setTemplate("prepare").setOutcome(DeliveryOutcome.UNDELIVERABLE).setAttempts(0)
            .setSentAt(Instant.EPOCH).build();

    private final Producer<byte[], byte[]> producer;
    private final Topic<String, ResponseSent> responsesSent;
    private final Topic<byte[], byte[]> deadLetters;
    private final Duration timeout;
    // Set once outcomes can be written (responses.sent's schema id resolved); see prepare().
    private volatile boolean prepared;

    public OutcomeRecorder(Producer<byte[], byte[]> producer, Topic<String, ResponseSent> responsesSent,
                           Topic<byte[], byte[]> deadLetters, Duration timeout) {
        this.producer = producer;
        this.responsesSent = responsesSent;
        this.deadLetters = deadLetters;
        this.timeout = timeout;
    }

    /** Thrown when an outcome could not be written; nothing after it may be committed. */
    public static final class RecordingFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Serializes a placeholder outcome, which resolves (once, then cached for the process's life) the schema id the
     * real one will need; throws the serializer's {@link org.apache.kafka.common.errors.SerializationException} when
     * the registry cannot give it, before anything was sent. Only until the first success: the id is cached after it.
     */
    @Override
    public void prepare() {
        // Once resolved, the id stays cached for the process's life: no encoding per message after that.
        if (!prepared) {
            responsesSent.valueSerde().serializer().serialize(responsesSent.name(), PLACEHOLDER);
            prepared = true;
        }
    }

    @Override
    public void record(ResponseSent sent) {
        String topic = responsesSent.name();
        byte[] key = sent.getFeedbackId().getBytes(StandardCharsets.UTF_8);
        byte[] value = responsesSent.valueSerde().serializer().serialize(topic, sent);
        write(new ProducerRecord<>(topic, key, value), "the outcome of " + sent.getMessageId());
    }

    /** Copies the trigger's bytes to the dead-letter topic with headers naming the error and where it came from. */
    public void deadLetter(ConsumerRecord<byte[], byte[]> trigger, String reason, String error, String messageId) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetters.name(), trigger.key(), trigger.value());
        Headers headers = record.headers();
        trigger.headers().forEach(headers::add);
        headers.add(REASON_HEADER, utf8(reason));
        headers.add(ERROR_HEADER, utf8(error == null ? reason : error));
        headers.add(TOPIC_HEADER, utf8(trigger.topic()));
        headers.add(PARTITION_HEADER, utf8(Integer.toString(trigger.partition())));
        headers.add(OFFSET_HEADER, utf8(Long.toString(trigger.offset())));
        if (messageId != null) {
            headers.add(MESSAGE_ID_HEADER, utf8(messageId));
        }
        write(record, "a dead letter for " + trigger.topic() + "-" + trigger.partition() + "@" + trigger.offset());
    }

    private void write(ProducerRecord<byte[], byte[]> record, String what) {
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingFailedException("interrupted while writing " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RecordingFailedException("cannot write " + what + ": " + e, e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
