package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.ingest.feedback.CloudEventReader;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.StrictJson;
import dev.heed.ingest.feedback.Submission;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body by its content type: plain JSON, CloudEvents structured mode, CloudEvents binary
 * mode ({@code ce-*} headers with a JSON body), and the two batch forms. A body that cannot be read at
 * all ends the request (400, 413, 415); a readable item with invalid fields becomes an invalid
 * {@link Submission}, so a batch can answer per item.
 */
final class RequestDecoder {
    static final String SINGLE_TYPES = MediaTypes.JSON + ", " + MediaTypes.CLOUDEVENT + " or CloudEvents binary mode";
    static final String BATCH_TYPES = MediaTypes.JSON + " (an array) or " + MediaTypes.CLOUDEVENT_BATCH;

    private final StrictJson strictJson;
    private final FeedbackParser parser;
    private final CloudEventReader events;
    private final int maxBatchItems;

    RequestDecoder(ObjectMapper json, FeedbackParser parser, CloudEventReader events, int maxBatchItems) {
        this.strictJson = new StrictJson(json);
        this.parser = parser;
        this.events = events;
        this.maxBatchItems = maxBatchItems;
    }

    Submission single(String contentType, Map<String, String> headers, byte[] body) {
        switch (MediaTypes.essence(contentType)) {
            case MediaTypes.JSON:
                return headers.containsKey("ce-specversion") ? events.binary(headers, body) : parser.parseJson(cleanTree(body), "");
            case MediaTypes.CLOUDEVENT:
                return events.structured(cleanTree(body), "");
            default:
                throw new ProblemException(Problems.unsupportedMediaType(contentType, SINGLE_TYPES));
        }
    }

    List<Submission> batch(String contentType, byte[] body) {
        boolean cloudEvents = switch (MediaTypes.essence(contentType)) {
            case MediaTypes.JSON -> false;
            case MediaTypes.CLOUDEVENT_BATCH -> true;
            default -> throw new ProblemException(Problems.unsupportedMediaType(contentType, BATCH_TYPES));
        };
        StrictJson.Parsed parsed = readable(body);
        JsonNode items = parsed.tree();
        if (!items.isArray() || items.isEmpty()) {
            throw invalid("/", "must be a non-empty JSON array");
        }
        if (items.size() > maxBatchItems) {
            throw new ProblemException(Problems.tooLarge(maxBatchItems, "A batch of " + items.size() + " items"));
        }
        var submissions = new ArrayList<Submission>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String base = "/" + i;
            List<FieldError> flaws = flawsOf(parsed.errors(), base);
            submissions.add(!flaws.isEmpty() ? Submission.invalid(flaws)
                    : cloudEvents ? events.structured(items.get(i), base) : parser.parseJson(items.get(i), base));
        }
        return submissions;
    }

    /**
     * The flaws (a repeated member name, a lone surrogate) found inside the batch item at {@code base}: that
     * item is refused with them, and the batch's other items are answered on their own.
     */
    private static List<FieldError> flawsOf(List<FieldError> flaws, String base) {
        if (flaws.isEmpty()) {
            return List.of();
        }
        String prefix = base + "/";
        return flaws.stream().filter(e -> e.pointer().equals(base) || e.pointer().startsWith(prefix)).toList();
    }

    /** The body's tree; a body that is not one JSON value ends the request with 400. */
    private StrictJson.Parsed readable(byte[] body) {
        StrictJson.Parsed parsed = strictJson.read(body, "");
        if (parsed.tree() == null) {
            throw new ProblemException(Problems.invalid(parsed.errors()));
        }
        return parsed;
    }

    /** The tree of a single request's body, which must also be free of flaws (a repeated name, a lone surrogate). */
    private JsonNode cleanTree(byte[] body) {
        StrictJson.Parsed parsed = readable(body);
        if (!parsed.isClean()) {
            throw new ProblemException(Problems.invalid(parsed.errors()));
        }
        return parsed.tree();
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(Problems.invalid(List.of(FieldError.invalid(pointer, detail))));
    }
}
