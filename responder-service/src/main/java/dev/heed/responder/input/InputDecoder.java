package dev.heed.responder.input;

import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that knows which topic carries which event: reads a record's value into its {@link Input}.
 * A value that cannot be read throws what the topic's serde throws (an unreadable record, or a
 * serialization error when the registry cannot be reached), so each reader keeps its own way of handling it.
 */
public final class InputDecoder {
    private interface Reader {
        Input read(String topic, byte[] value);
    }

    private final Map<String, Reader> readers = new HashMap<>();

    public InputDecoder(HeedTopics topics) {
        readers.put(topics.feedbackReceived().name(), reader(topics.feedbackReceived(), Input.Received::new));
        readers.put(topics.feedbackClassified().name(), reader(topics.feedbackClassified(), Input.Classified::new));
        readers.put(topics.complaintsEscalated().name(), reader(topics.complaintsEscalated(), Input.Escalated::new));
        readers.put(topics.responseDue().name(), reader(topics.responseDue(), Input.Due::new));
        readers.put(topics.complaintsAcknowledged().name(), reader(topics.complaintsAcknowledged(), Input.Acknowledged::new));
        readers.put(topics.complaintsUpdated().name(), reader(topics.complaintsUpdated(), Input.Updated::new));
        readers.put(topics.problemsUpdated().name(), reader(topics.problemsUpdated(), Input.Problem::new));
        readers.put(topics.problemsFixes().name(), reader(topics.problemsFixes(), Input.Fix::new));
        readers.put(topics.responsesSent().name(), reader(topics.responsesSent(), Input.Sent::new));
        readers.put(topics.complaintsState().name(), reader(topics.complaintsState(), Input.State::new));
        readers.put(topics.routingDlq().name(), (topic, value) -> new Input.DeadLetter());
        readers.put(topics.responderDlq().name(), (topic, value) -> new Input.DeadLetter());
    }

    /**
     * @return the record's event; {@link Input.DeadLetter} for any record of a dead-letter topic, else
     *         {@link Input.Tombstone} for a null value
     * @throws IllegalArgumentException for a topic that is not one of Heed's
     */
    public Input decode(String topic, byte[] value) {
        Reader reader = readers.get(topic);
        if (reader == null) {
            throw new IllegalArgumentException("not a Heed topic: " + topic);
        }
        Input input = reader.read(topic, value);
        return input == null ? new Input.Tombstone() : input;
    }

    private static <V> Reader reader(Topic<String, V> topic, Function<V, Input> wrap) {
        return (name, value) -> value == null ? null : wrap.apply(topic.valueSerde().deserializer().deserialize(name, value));
    }
}
