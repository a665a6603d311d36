package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.schemas.serde.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One JSON line per record for {@code heed tail}. A value that cannot be read (not in the registry framing,
 * an unknown schema id, corrupt) is shown as such, with the reason and its raw size, and tailing goes on: an
 * operator looking at a topic wants to see its bad records, not stop at the first one. A dead-letter topic's
 * records show their headers and the raw value as text. A registry that cannot be reached is not a bad
 * record; that error ends the command.
 */
final class TailLines {
    private final Deserializer<?> values;
    private final boolean deadLetters;

    /** @param values decodes values; null for a dead-letter topic, whose values are shown raw */
    TailLines(Deserializer<?> values) {
        this.values = values;
        this.deadLetters = values == null;
    }

    String line(ConsumerRecord<String, byte[]> record) {
        ObjectNode node = JsonView.MAPPER.createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.put("key", record.key());
        byte[] raw = record.value();
        if (deadLetters) {
            ObjectNode headers = node.putObject("headers");
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            node.put("value", raw == null ? null : new String(raw, StandardCharsets.UTF_8));
            return node.toString();
        }
        try {
            node.set("value", JsonView.of(values.deserialize(record.topic(), raw)));
        } catch (UnreadableRecordException e) {
            node.putObject("unreadable")
                    .put("reason", e.reason().name())
                    .put("error", e.getMessage())
                    .put("size", raw == null ? 0 : raw.length);
        }
        return node.toString();
    }
}
