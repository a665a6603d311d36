package dev.heed.ingest.kafka;

import dev.heed.events.FeedbackReceived;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes with the CloudEvents Kafka binding in binary mode: the Avro value (registry framing) is the
 * record value, the event's attributes travel as {@code ce_*} headers, and the Kafka key is the event
 * id (a verdict's is its complaint's id, {@link #key}). Consumers that know nothing of CloudEvents read the Avro value as usual. Thread-safe, as the
 * producer is; the caller owns and closes the producer.
 */
public final class KafkaFeedbackPublisher implements FeedbackPublisher {
    public static final String EVENT_TYPE = "dev.heed.feedback.received";
    public static final String AVRO_CONTENT_TYPE = "application/avro";

    private static final Header SPECVERSION = new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    private static final Header TYPE = new RecordHeader("ce_type", EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
    private static final Header CONTENT_TYPE = new RecordHeader("content-type", AVRO_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Serializer<FeedbackReceived> serializer;

    public KafkaFeedbackPublisher(Producer<String, byte[]> producer, String topic, Serializer<FeedbackReceived> serializer) {
        this.producer = producer;
        this.topic = topic;
        this.serializer = serializer;
    }

    @Override
    public void publish(FeedbackReceived event, BiConsumer<Placement, Throwable> done) {
        try {
            producer.send(record(topic, event, serializer.serialize(topic, event)), (metadata, error) -> {
                if (error != null) {
                    done.accept(null, error);
                } else {
                    done.accept(new Placement(metadata.topic(), metadata.partition(), metadata.offset()), null);
                }
            });
        } catch (RuntimeException e) {
            // send() throws (rather than calling back) when metadata did not arrive within max.block.ms,
            // and the serializer throws when the registry cannot be reached.
            done.accept(null, e);
        }
    }

    /** The record this publisher writes for an event whose Avro value is {@code avro}: key, timestamp, {@code ce_*} headers. */
    public static ProducerRecord<String, byte[]> record(String topic, FeedbackReceived event, byte[] avro) {
        // The headers the CloudEvents binary-mode writer produces, in its order, written directly: building a
        // CloudEvent and running the SDK's writer was a seventh of a batch item's CPU. A test holds the two equal.
        var headers = new RecordHeaders();
        headers.add(SPECVERSION);
        headers.add(new RecordHeader("ce_id", utf8(event.getEventId())));
        headers.add(new RecordHeader("ce_source", utf8(event.getSourceSystem())));
        headers.add(TYPE);
        headers.add(CONTENT_TYPE);
        headers.add(new RecordHeader("ce_time", utf8(CloudEventTime.format(event.getOccurredAt()))));
        return new ProducerRecord<>(topic, null, event.getReceivedAt().toEpochMilli(), key(event), avro, headers);
    }

    /**
     * The event id; for a customer's verdict, the complaint's id, so that it lands on the complaint's partition and
     * routing meets it with the complaint's state without repartitioning.
     */
    public static String key(FeedbackReceived event) {
        return event.getVerdict() != null ? event.getVerdict().getComplaintId() : event.getEventId();
    }

    /** The same record through the CloudEvents SDK's binary-mode writer: what {@link #record} must equal. */
    static ProducerRecord<String, byte[]> recordThroughSdk(String topic, FeedbackReceived event, byte[] avro) {
        return KafkaMessageFactory.createWriter(topic, null, event.getReceivedAt().toEpochMilli(), key(event))
                .writeBinary(cloudEvent(event, avro));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static CloudEvent cloudEvent(FeedbackReceived event, byte[] avro) {
        return CloudEventBuilder.v1()
                .withId(event.getEventId())
                .withSource(URI.create(event.getSourceSystem()))
                .withType(EVENT_TYPE)
                .withTime(event.getOccurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(AVRO_CONTENT_TYPE)
                .withData(avro)
                .build();
    }
}
