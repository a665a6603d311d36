package dev.heed.ingest.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns a CloudEvent (structured or binary mode; the SDK has already checked the envelope) into a
 * {@link Submission}: the event's {@code id} is the event id, its {@code source} the claimed source
 * system, its {@code data} the feedback as in the plain JSON API.
 */
public final class CloudEventReader {
    /** The one event type this endpoint takes. */
    public static final String FEEDBACK_TYPE = "dev.heed.feedback";

    private final FeedbackParser parser;
    private final ObjectMapper json;

    public CloudEventReader(FeedbackParser parser, ObjectMapper json) {
        this.parser = parser;
        this.json = json;
    }

    /**
     * @param attributePointer names an attribute where a client finds it: {@code /id} in structured mode,
     *                         {@code header:ce-id} in binary mode
     * @param dataPointer      the JSON Pointer of the data
     */
    public Submission read(CloudEvent event, UnaryOperator<String> attributePointer, String dataPointer) {
        var errors = new ArrayList<FieldError>();
        String id = event.getId();
        if (!FeedbackParser.isEventId(id)) {
            errors.add(FieldError.invalid(attributePointer.apply("id"), "must be 1-128 letters, digits, '.', '_', ':' or '-'"));
        }
        if (!FEEDBACK_TYPE.equals(event.getType())) {
            errors.add(FieldError.unacceptable(attributePointer.apply("type"), "must be " + FEEDBACK_TYPE));
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            errors.add(FieldError.invalid(attributePointer.apply("datacontenttype"), "must be application/json"));
        }
        for (String name : event.getExtensionNames()) {
            if (FeedbackParser.SERVER_OWNED.stream().anyMatch(owned -> owned.equalsIgnoreCase(name))) {
                errors.add(FieldError.invalid(attributePointer.apply(name), "is set by the server and must not be sent"));
            }
        }
        JsonNode data = data(event.getData(), dataPointer, errors);
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
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
        try {
            return json.readTree(data.toBytes());
        } catch (IOException e) {
            errors.add(FieldError.invalid(pointer.isEmpty() ? "/" : pointer, "must be JSON"));
            return null;
        }
    }
}
