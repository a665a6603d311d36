package dev.heed.routing.deadletter;

import dev.heed.schemas.serde.UnreadableRecordException;
import dev.heed.schemas.serde.UnreadableRecordException.Reason;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads an input topic whose every record must carry an event ({@code feedback.received},
 * {@code complaints.acknowledged}, {@code complaints.updated}): a null value (a tombstone) is unreadable there like any other bad record,
 * so the {@link DeadLetterDeserializationHandler} sends it to the dead-letter topic with the usual headers
 * instead of a processor dropping it with only a log line.
 */
public final class EventRequired<T> implements Deserializer<T> {

    private final Deserializer<T> events;

    private EventRequired(Deserializer<T> events) {
        this.events = events;
    }

    public static <T> Deserializer<T> of(Deserializer<T> events) {
        return new EventRequired<>(events);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new UnreadableRecordException(Reason.NULL_VALUE, "a tombstone on " + topic + ", which only carries events", null);
        }
        return events.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }
}
