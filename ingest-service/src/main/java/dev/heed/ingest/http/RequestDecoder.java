package dev.heed.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.ingest.feedback.CloudEventReader;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.problem.Problem;
import dev.heed.ingest.problem.Problems;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
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

    private final ObjectMapper json;
    private final FeedbackParser parser;
    private final CloudEventReader events;
    private final int maxBatchItems;

    RequestDecoder(ObjectMapper json, FeedbackParser parser, CloudEventReader events, int maxBatchItems) {
        this.json = json;
        this.parser = parser;
        this.events = events;
        this.maxBatchItems = maxBatchItems;
    }

    Submission single(String contentType, Map<String, String> headers, byte[] body) {
        switch (MediaTypes.essence(contentType)) {
            case MediaTypes.JSON:
                return headers.containsKey("ce-specversion") ? binary(headers, body) : parser.parseJson(tree(body), "");
            case MediaTypes.CLOUDEVENT:
                return structured(tree(body), "");
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
        JsonNode items = tree(body);
        if (!items.isArray() || items.isEmpty()) {
            throw invalid("/", "must be a non-empty JSON array");
        }
        if (items.size() > maxBatchItems) {
            throw new ProblemException(Problems.tooLarge(maxBatchItems, "A batch of " + items.size() + " items"));
        }
        var submissions = new ArrayList<Submission>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String base = "/" + i;
            submissions.add(cloudEvents ? structured(items.get(i), base) : parser.parseJson(items.get(i), base));
        }
        return submissions;
    }

    private Submission structured(JsonNode node, String base) {
        try {
            CloudEvent event = json.treeToValue(node, CloudEvent.class);
            return events.read(event, attribute -> base + "/" + attribute, base + "/data");
        } catch (JsonProcessingException | IllegalArgumentException | CloudEventRWException e) {
            return Submission.invalid(List.of(FieldError.invalid(base.isEmpty() ? "/" : base, "is not a valid CloudEvent: " + rootMessage(e))));
        }
    }

    private Submission binary(Map<String, String> headers, byte[] body) {
        try {
            CloudEvent event = HttpMessageFactory.createReader(headers, body).toEvent();
            return events.read(event, attribute -> "header:ce-" + attribute, "");
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            throw invalid("header:ce-specversion", "the ce-* headers do not form a valid CloudEvent: " + rootMessage(e));
        }
    }

    private JsonNode tree(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid("/", "the body is empty");
            }
            return node;
        } catch (IOException e) {
            throw invalid("/", "the body is not valid JSON");
        }
    }

    private static ProblemException invalid(String pointer, String detail) {
        return new ProblemException(Problem.invalid(List.of(FieldError.invalid(pointer, detail))));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
