package dev.heed.ingest.problem;

import dev.heed.runtime.http.Problem;
import dev.heed.ingest.feedback.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The problems this API answers with besides field validation, each with a stable type URI. */
public final class Problems {
    private Problems() {}

    /** 400 when any field breaks the schema, else 422; every field error is listed either way. */
    public static Problem invalid(List<FieldError> fieldErrors) {
        boolean semantic = fieldErrors.stream().allMatch(FieldError::semantic);
        var errors = fieldErrors.stream().map(e -> new Problem.Error(e.pointer(), e.detail())).toList();
        return semantic
                ? new Problem(Problem.TYPE_BASE + "unprocessable", "The feedback cannot be accepted as stated", 422,
                        errors.size() + " field(s) are well-formed but not acceptable", null, errors, null)
                : Problem.invalid("The request is invalid", errors);
    }

    public static Problem unauthenticated() {
        return Problem.of(401, "unauthenticated", "No valid API key",
                "Send the source system's API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");
    }

    public static Problem wrongSource(String keySource, String claimed) {
        return Problem.of(403, "wrong-source", "The API key belongs to another source system",
                "This key may post only as '" + keySource + "', not as '" + claimed + "'.");
    }

    public static Problem tooLarge(long limit, String what) {
        return Problem.of(413, "too-large", "The request is too large", what + " exceeds the limit of " + limit + ".");
    }

    public static Problem unsupportedMediaType(String contentType, String supported) {
        return Problem.of(415, "unsupported-media-type", "Unsupported content type",
                "'" + contentType + "' is not accepted here; use " + supported + ".");
    }

    public static Problem idempotencyConflict(String eventId) {
        return Problem.of(422, "idempotency-conflict", "The event id was already used for different content",
                "Event id '" + eventId + "' was accepted before with another body; use a new id for new feedback.");
    }

    public static Problem rateLimited(Duration wait) {
        return Problem.of(429, "rate-limited", "Too many requests", "This API key is over its rate; retry later.")
                .withRetryAfter(wait);
    }

    /**
     * Kafka did not acknowledge in time. The write may still have reached the log (the fault suite sees it for a share
     * of these), so this does not say "nothing was stored": a retry with the same id is recognised downstream.
     */
    public static Problem kafkaUnavailable(Duration wait) {
        return Problem.of(503, "unavailable", "The feedback could not be stored now",
                "Kafka did not acknowledge the write in time; it was not accepted, though it may have been stored. "
                        + "Retry with the same event id: a repeat is recognised and processed once.")
                .withRetryAfter(wait);
    }

    /** The schema registry could not be reached while encoding the event, so nothing was sent to Kafka. */
    public static Problem registryUnavailable(Duration wait) {
        return Problem.of(503, "unavailable", "The feedback could not be stored now",
                "The schema registry could not be reached, so nothing was written; nothing was accepted. Retry with the same event id.")
                .withRetryAfter(wait);
    }

    public static Problem shuttingDown(Duration wait) {
        return Problem.of(503, "shutting-down", "This instance is shutting down",
                "The instance is stopping and cannot answer this request; retry with the same event id, and another instance will.")
                .withRetryAfter(wait);
    }

    public static Problem internal() {
        return Problem.of(500, "internal", "Internal error", "The request failed unexpectedly; nothing was accepted.");
    }

    /** This instance has no verdict secret, so it cannot check a verdict link. */
    public static Problem verdictsDisabled() {
        return Problem.of(404, "verdicts-disabled", "Verdicts are not taken here",
                "This instance takes no verdicts: it has no secret to check the link with (HEED_VERDICT_SECRET).");
    }

    public static Problem verdictLinkForged(String complaintId) {
        return Problem.of(403, "verdict-link-invalid", "The link is not valid",
                "This is not a link Heed sent for complaint '" + complaintId + "', or a part of it was changed; open the link "
                        + "exactly as it came in the message.");
    }

    public static Problem verdictLinkExpired(Instant expiredAt) {
        return Problem.of(410, "verdict-link-expired", "The link has expired",
                "This link could be answered until " + expiredAt + "; to tell us how we did now, write to us as you did before.");
    }

    public static Problem notFound(String path) {
        return Problem.of(404, "not-found", "Not found", "No resource at " + path + ".");
    }
}
