package dev.heed.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.ingest.feedback.FieldError;
import dev.heed.ingest.intake.VerdictIntake;
import dev.heed.ingest.intake.VerdictOutcome;
import dev.heed.ingest.intake.VerdictRequest;
import dev.heed.ingest.problem.Problems;
import dev.heed.runtime.auth.VerdictLinks;
import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The customer's verdict on a resolution, through the signed link of the resolution message. No API key: the link's
 * signature is the permission. {@code GET} shows a small form for the link (or the problem with it); {@code POST} takes
 * the answer, as JSON ({@code {"score": 1-5, "text": "..."}}) or as the form's fields, and answers once Kafka has
 * acknowledged the write: JSON for JSON, a short page for the form. Every refusal is a problem document.
 */
final class VerdictRoutes {
    static final String PATH = VerdictLinks.PATH.formatted("{id}");
    static final String FORM_TYPE = "application/x-www-form-urlencoded";
    /** A verdict's body limit: a score and up to {@value VerdictRequest#MAX_TEXT} characters, with room for JSON escapes. */
    static final int MAX_BODY = 16 * 1024;
    private static final Pattern VERDICT_PATH = Pattern.compile("/v1/complaints/[^/]+/verdict/?");

    private final VerdictIntake intake;
    private final Responses responses;
    private final ObjectMapper json;
    private final Executor answering;
    private final InFlightAnswers inFlight;

    VerdictRoutes(VerdictIntake intake, Responses responses, ObjectMapper json, Executor answering, InFlightAnswers inFlight) {
        this.intake = intake;
        this.responses = responses;
        this.json = json;
        this.answering = answering;
        this.inFlight = inFlight;
    }

    /** Whether a request path is a verdict's: those go without an API key. */
    static boolean isVerdictPath(String path) {
        return path != null && VERDICT_PATH.matcher(path).matches();
    }

    void form(Context ctx) {
        Optional<Problem> problem = intake.checkLink(link(ctx));
        if (problem.isPresent()) {
            throw new ProblemException(problem.get());
        }
        ctx.status(200).contentType("text/html; charset=utf-8").result(VerdictPages.form("?" + ctx.queryString()));
    }

    void answer(Context ctx) {
        byte[] body = FeedbackRoutes.body(ctx, MAX_BODY);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean form = type.startsWith(FORM_TYPE);
        if (!form && !type.startsWith("application/json")) {
            throw new ProblemException(Problems.unsupportedMediaType(ctx.contentType(), "application/json or " + FORM_TYPE));
        }
        VerdictRequest link = link(ctx);
        VerdictRequest request = form ? fromForm(link, body) : fromJson(link, body);
        CompletableFuture<VerdictOutcome> outcome = intake.submit(request);
        ctx.future(() -> inFlight.answer(outcome, result -> answer(ctx, result, form), answering));
    }

    private void answer(Context ctx, VerdictOutcome outcome, boolean form) {
        if (outcome.problem() != null) {
            responses.problem(ctx, outcome.problem());
            return;
        }
        if (outcome.replayed()) {
            ctx.header(Responses.REPLAYED_HEADER, "true");
        }
        if (form) {
            ctx.status(202).contentType("text/html; charset=utf-8").result(VerdictPages.thanks(outcome.accepted().score(), outcome.replayed()));
        } else {
            responses.json(ctx, 202, outcome.accepted());
        }
    }

    private static VerdictRequest link(Context ctx) {
        return VerdictRequest.link(ctx.pathParam("id"), ctx.queryParam(VerdictLinks.RESOLUTION), ctx.queryParam(VerdictLinks.EXPIRES),
                ctx.queryParam(VerdictLinks.SIGNATURE));
    }

    private VerdictRequest fromJson(VerdictRequest link, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return withAnswer(link, null, null, List.of(FieldError.invalid("/", "is not JSON")));
        }
        if (root == null || !root.isObject()) {
            return withAnswer(link, null, null, List.of(FieldError.invalid("/", "must be an object with score and text")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("score") && !name.equals("text")) {
                errors.add(FieldError.invalid("/" + name, "is not a field of a verdict (score, text)"));
            }
        }
        JsonNode score = root.get("score");
        Integer value = null;
        if (score != null && !score.isNull()) {
            if (score.isIntegralNumber() && score.canConvertToInt()) {
                value = score.intValue();
            } else {
                errors.add(FieldError.invalid("/score", "must be a whole number 1 to 5"));
            }
        }
        JsonNode text = root.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            errors.add(FieldError.invalid("/text", "must be a string"));
        }
        if (!errors.isEmpty()) {
            return withAnswer(link, null, null, errors);
        }
        return withAnswer(link, value, text == null || text.isNull() ? null : text.textValue(), List.of());
    }

    private static VerdictRequest fromForm(VerdictRequest link, byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        String score = fields.get("score");
        if (score != null && !score.matches("[0-9]{1,2}")) {
            return withAnswer(link, null, null, List.of(FieldError.invalid("/score", "must be a whole number 1 to 5")));
        }
        String text = fields.get("text");
        return withAnswer(link, score == null ? null : Integer.valueOf(score), text == null || text.isBlank() ? null : text, List.of());
    }

    private static VerdictRequest withAnswer(VerdictRequest link, Integer score, String text, List<FieldError> bodyErrors) {
        return new VerdictRequest(link.complaintId(), link.resolutionId(), link.expires(), link.signature(), score, text, bodyErrors);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
