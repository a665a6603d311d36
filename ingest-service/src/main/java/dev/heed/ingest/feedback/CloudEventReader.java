package dev.heed.ingest.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.rw.CloudEventRWException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a CloudEvent, structured or binary mode, into a {@link Submission}: the event's {@code id} is the
 * event id, its {@code source} the claimed source system, its {@code data} the feedback as in the plain JSON
 * API, and its {@code time} stands in for {@code occurredAt}. In order:
 * <ol>
 *   <li>the attributes must follow CloudEvents 1.0 ({@link CloudEventRules}), else 400;</li>
 *   <li>a valid event of another {@code type} than {@value #FEEDBACK_TYPE} is well-formed but not for this
 *       endpoint: 422 naming only {@code type}, its data not read (its schema is not ours to judge);</li>
 *   <li>the CloudEvents SDK reads the event, and this API's own rules (an id usable as a Kafka key, JSON
 *       data, no server-owned extension) and the data are checked together, every error at once (400).</li>
 * </ol>
 */
public final class CloudEventReader {
    /** The one event type this endpoint takes. */
    public static final String FEEDBACK_TYPE = "dev.heed.feedback";

    private final FeedbackParser parser;
    private final ObjectMapper json;
    private final StrictJson strictJson;

    public CloudEventReader(FeedbackParser parser, ObjectMapper json) {
        this.parser = parser;
        this.json = json;
        this.strictJson = new StrictJson(json);
    }

    /** A structured-mode event: {@code event} is its JSON object, at {@code base} in the request ("" or "/3"). */
    public Submission structured(JsonNode event, String base) {
        UnaryOperator<String> pointer = attribute -> base + "/" + attribute;
        String root = base.isEmpty() ? "/" : base;
        if (!event.isObject()) {
            return Submission.invalid(List.of(FieldError.invalid(root, "must be a CloudEvent: a JSON object")));
        }
        CloudEventRules.Checked checked = CloudEventRules.structured(event, pointer);
        Submission refused = refusal(checked, event.path("type").textValue(), event.path("datacontenttype").textValue(), pointer);
        if (refused != null) {
            return refused;
        }
        // The time was read by CloudEventRules; the SDK's reader would refuse a leap second, so it does not see it.
        ((ObjectNode) event).remove("time");
        try {
            String dataPointer = base + (event.has("data_base64") ? "/data_base64" : "/data");
            return read(json.treeToValue(event, CloudEvent.class), checked.time(), pointer, dataPointer);
        } catch (JsonProcessingException | IllegalArgumentException | CloudEventRWException e) {
            return Submission.invalid(List.of(FieldError.invalid(root, "is not a CloudEvent the CloudEvents SDK can read")));
        }
    }

    /** A binary-mode event: its {@code ce-*} headers (names in lower case) and its body, the data. */
    public Submission binary(Map<String, String> headers, byte[] body) {
        UnaryOperator<String> pointer = attribute -> "header:ce-" + attribute;
        CloudEventRules.Checked checked = CloudEventRules.binary(headers, pointer);
        Submission refused = refusal(checked, headers.get("ce-type"), null, pointer);
        if (refused != null) {
            return refused;
        }
        var withoutTime = new HashMap<>(headers);
        withoutTime.remove("ce-time");
        try {
            return read(HttpMessageFactory.createReader(withoutTime, body).toEvent(), checked.time(), pointer, "");
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            return Submission.invalid(List.of(FieldError.invalid("header:ce-specversion",
                    "the ce-* headers and the body are not a CloudEvent the CloudEvents SDK can read")));
        }
    }

    /**
     * The refusal decided before the SDK reads the event, or null: invalid attributes (400, with a foreign type
     * named too), a valid event of another type (422), or data that is not JSON (400).
     */
    private static Submission refusal(CloudEventRules.Checked checked, String type, String contentType, UnaryOperator<String> pointer) {
        var errors = new ArrayList<>(checked.errors());
        if (type != null && !type.isEmpty() && !FEEDBACK_TYPE.equals(type)) {
            errors.add(FieldError.unacceptable(pointer.apply("type"),
                    "is not " + FEEDBACK_TYPE + ", the one event type this endpoint takes; the event's data was not read"));
        } else if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            errors.add(FieldError.invalid(pointer.apply("datacontenttype"), "must be application/json"));
        }
        return errors.isEmpty() ? null : Submission.invalid(errors);
    }

    private Submission read(CloudEvent event, Instant time, UnaryOperator<String> attributePointer, String dataPointer) {
        var errors = new ArrayList<FieldError>();
        String id = event.getId();
        if (!FeedbackParser.isEventId(id)) {
            errors.add(FieldError.invalid(attributePointer.apply("id"), "must be 1-128 letters, digits, '.', '_', ':' or '-'"));
        }
        for (String name : event.getExtensionNames()) {
            if (FeedbackParser.SERVER_OWNED.stream().anyMatch(owned -> owned.equalsIgnoreCase(name))) {
                errors.add(FieldError.invalid(attributePointer.apply(name), "is set by the server and must not be sent"));
            }
        }
        JsonNode data = data(event.getData(), dataPointer, errors);
        Submission parsed = data == null ? null : parser.parseEventData(data, dataPointer, id, event.getSource().toString(), time);
        if (parsed != null && errors.isEmpty()) {
            return parsed;
        }
        if (parsed != null) {
            errors.addAll(parsed.errors());
        }
        return Submission.invalid(errors);
    }

    private JsonNode data(CloudEventData data, String pointer, List<FieldError> errors) {
        if (data == null) {
            errors.add(FieldError.invalid(pointer.isEmpty() ? "/" : pointer, "is required"));
            return null;
        }
        if (data instanceof JsonCloudEventData jsonData) {
            return jsonData.getNode();
        }
        // Base64 data in structured mode, or the body in binary mode: read as strictly as any request body.
        StrictJson.Parsed parsed = strictJson.read(data.toBytes(), pointer);
        errors.addAll(parsed.errors());
        return parsed.isClean() ? parsed.tree() : null;
    }
}
