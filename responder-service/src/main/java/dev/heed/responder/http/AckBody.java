package dev.heed.responder.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.runtime.http.Problem;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.heed.events.AckSource;
import dev.heed.responder.ack.AckRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks an acknowledgement body: {@code agent} (1–100 chars), {@code note} (up to 2000),
 * {@code nextUpdateBy} (an ISO-8601 instant in the future), {@code source} (API, CONSOLE, CLI). Every bad
 * field is reported, not just the first; unknown fields are errors so a typo is not silently ignored; a key
 * given twice or anything after the JSON value makes the body malformed.
 */
final class AckBody {
    private static final Set<String> FIELDS = Set.of("agent", "note", "nextUpdateBy", "source");
    private static final Set<String> SOURCES = Set.of("API", "CONSOLE", "CLI");

    private AckBody() {}

    /**
     * The reader for bodies: one JSON value and nothing after it, each key once. Without these a body such as
     * {@code {"agent":"mallory","agent":"grace"}} or {@code {...}xyz} would be taken with whatever Jackson
     * happened to keep, which is not what every other JSON reader on the way would have seen.
     */
    static ObjectReader strictReader(ObjectMapper json) {
        return json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static AckRequest parse(ObjectReader json, byte[] body, Instant now) {
        if (body.length == 0) {
            return new AckRequest(null, null, null, AckSource.API);
        }
        JsonNode root = object(json, body);
        List<Problem.Error> errors = unknownFields(root, FIELDS);
        String agent = text(root, "agent", 1, 100, errors);
        String note = text(root, "note", 0, 2000, errors);
        Instant nextUpdateBy = instant(root, "nextUpdateBy", now, errors);
        String source = text(root, "source", 1, 20, errors);
        if (source != null && !SOURCES.contains(source)) {
            errors.add(new Problem.Error("/source", "must be one of " + SOURCES));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields",errors));
        }
        return new AckRequest(agent, note, nextUpdateBy, source == null ? AckSource.API : AckSource.valueOf(source));
    }

    /** One JSON object, read strictly, or a 400 problem; shared with {@link UpdateBody}. */
    static JsonNode object(ObjectReader json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (MismatchedInputException e) {
            // What a tree read can mismatch is only a second value after the first; Jackson's own text names its classes.
            throw new ProblemException(Problem.of(400, "malformed-json", "The body is not valid JSON",
                    "more content after the JSON value"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "The body is not valid JSON", e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "The body cannot be read", e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields",List.of(new Problem.Error("", "must be a JSON object"))));
        }
        return root;
    }

    /** An error per field of {@code root} not in {@code known}: a typo is not silently ignored. */
    static List<Problem.Error> unknownFields(JsonNode root, Set<String> known) {
        List<Problem.Error> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new Problem.Error("/" + name, "unknown field"));
            }
        }
        return errors;
    }

    static String text(JsonNode root, String field, int min, int max, List<Problem.Error> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.Error("/" + field, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        if (value.length() < min || value.length() > max) {
            errors.add(new Problem.Error("/" + field, "must be " + min + " to " + max + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    static Instant instant(JsonNode root, String field, Instant now, List<Problem.Error> errors) {
        String text = text(root, field, 1, 40, errors);
        if (text == null) {
            return null;
        }
        try {
            Instant value = Instant.parse(text);
            if (!value.isAfter(now)) {
                errors.add(new Problem.Error("/" + field, "must be in the future"));
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.Error("/" + field, "must be an ISO-8601 instant such as 2026-11-20T16:00:00Z"));
            return null;
        }
    }
}
