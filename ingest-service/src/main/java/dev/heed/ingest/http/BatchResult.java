package dev.heed.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.Outcome;
import dev.heed.ingest.problem.Problem;
import java.io.IOException;
import java.util.List;

/**
 * The answer to a batch, one result per item in request order (REST-Proxy style): the item's status,
 * and either where it was stored (the fields of a single answer) or the problem that refused it.
 */
public record BatchResult(int accepted, int refused, List<Item> results) {

    /** One item's result; {@code index} is its position in the request. */
    @JsonSerialize(using = ItemWriter.class)
    public record Item(int index, int status, Accepted accepted, Problem problem) {}

    static BatchResult of(List<Outcome> outcomes) {
        var items = new java.util.ArrayList<Item>(outcomes.size());
        int accepted = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            accepted += outcome.accepted() != null ? 1 : 0;
            items.add(new Item(i, outcome.status(), outcome.accepted(), outcome.problem()));
        }
        return new BatchResult(accepted, outcomes.size() - accepted, items);
    }

    /**
     * Writes an item as {@code @JsonUnwrapped} bean serialization did, field by field: that path (reflective
     * getters, the unwrapping serializer) was a third of the answering thread's time for a 500-item batch,
     * where nine items in ten are accepted. A test holds the two outputs equal.
     */
    static final class ItemWriter extends StdSerializer<Item> {
        ItemWriter() {
            super(Item.class);
        }

        @Override
        public void serialize(Item item, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeNumberField("index", item.index());
            out.writeNumberField("status", item.status());
            Accepted accepted = item.accepted();
            if (accepted != null) {
                text(out, "eventId", accepted.eventId());
                text(out, "ingestId", accepted.ingestId());
                text(out, "topic", accepted.topic());
                out.writeNumberField("partition", accepted.partition());
                out.writeNumberField("offset", accepted.offset());
                if (accepted.receivedAt() != null) {
                    // Through the mapper, so the time is written exactly as in a single answer.
                    provider.defaultSerializeField("receivedAt", accepted.receivedAt(), out);
                }
            }
            if (item.problem() != null) {
                provider.defaultSerializeField("problem", item.problem(), out);
            }
            out.writeEndObject();
        }

        private static void text(JsonGenerator out, String name, String value) throws IOException {
            if (value != null) {
                out.writeStringField(name, value);
            }
        }
    }
}
