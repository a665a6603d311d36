package dev.heed.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.Outcome;
import dev.heed.runtime.http.Problem;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a batch, one result per item in request order (REST-Proxy style): the item's status,
 * and either where it was stored (the fields of a single answer) or the problem that refused it.
 */
@JsonSerialize(using = BatchResult.Writer.class)
public record BatchResult(int accepted, int refused, List<Item> results) {

    /** One item's result; {@code index} is its position in the request. */
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
     * Writes the answer field by field, each item as {@code @JsonUnwrapped} bean serialization did (index and
     * status, the single answer's fields, or the problem). Bean serialization (reflective getters, the
     * unwrapping serializer) was a third of the answering thread's time for a 500-item batch, and formatting
     * each item's {@code receivedAt} another quarter; the items of a batch mostly share their millisecond, so
     * a time is formatted once for the run of items that share it. A test holds the output equal to bean
     * serialization's.
     */
    static final class Writer extends StdSerializer<BatchResult> {
        private static final SerializableString ACCEPTED = new SerializedString("accepted");
        private static final SerializableString REFUSED = new SerializedString("refused");
        private static final SerializableString RESULTS = new SerializedString("results");
        private static final SerializableString INDEX = new SerializedString("index");
        private static final SerializableString STATUS = new SerializedString("status");
        private static final SerializableString EVENT_ID = new SerializedString("eventId");
        private static final SerializableString INGEST_ID = new SerializedString("ingestId");
        private static final SerializableString TOPIC = new SerializedString("topic");
        private static final SerializableString PARTITION = new SerializedString("partition");
        private static final SerializableString OFFSET = new SerializedString("offset");
        private static final SerializableString RECEIVED_AT = new SerializedString("receivedAt");

        Writer() {
            super(BatchResult.class);
        }

        @Override
        public void serialize(BatchResult result, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeFieldName(ACCEPTED);
            out.writeNumber(result.accepted());
            out.writeFieldName(REFUSED);
            out.writeNumber(result.refused());
            out.writeFieldName(RESULTS);
            out.writeStartArray();
            var times = new TimeText();
            for (Item item : result.results()) {
                item(item, out, provider, times);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        private static void item(Item item, JsonGenerator out, SerializerProvider provider, TimeText times) throws IOException {
            out.writeStartObject();
            out.writeFieldName(INDEX);
            out.writeNumber(item.index());
            out.writeFieldName(STATUS);
            out.writeNumber(item.status());
            Accepted accepted = item.accepted();
            if (accepted != null) {
                text(out, EVENT_ID, accepted.eventId());
                text(out, INGEST_ID, accepted.ingestId());
                text(out, TOPIC, accepted.topic());
                out.writeFieldName(PARTITION);
                out.writeNumber(accepted.partition());
                out.writeFieldName(OFFSET);
                out.writeNumber(accepted.offset());
                text(out, RECEIVED_AT, times.of(accepted.receivedAt()));
            }
            if (item.problem() != null) {
                provider.defaultSerializeField("problem", item.problem(), out);
            }
            out.writeEndObject();
        }

        private static void text(JsonGenerator out, SerializableString name, String value) throws IOException {
            if (value != null) {
                out.writeFieldName(name);
                out.writeString(value);
            }
        }
    }

    /**
     * A time as the mapper writes it in a single answer ({@code Instant.toString} is ISO_INSTANT, Jackson's
     * format for an {@code Instant}), formatted once for each run of equal times.
     */
    private static final class TimeText {
        private Instant last;
        private String text;

        String of(Instant time) {
            if (time != null && !time.equals(last)) {
                last = time;
                text = time.toString();
            }
            return time == null ? null : text;
        }
    }
}
