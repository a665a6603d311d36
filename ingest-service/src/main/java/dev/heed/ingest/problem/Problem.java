package dev.heed.ingest.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.heed.ingest.feedback.FieldError;
import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} names every invalid field (a JSON Pointer and what is wrong
 * with it), so a client can fix all of them at once; {@code retryAfter}, when present, is sent as the
 * {@code Retry-After} header rather than in the body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Error> errors,
                      @JsonIgnore Duration retryAfter) {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:heed:problem:";

    /** One invalid field, as it appears in the body's {@code errors} member. */
    public record Error(String pointer, String detail) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of(), null);
    }

    /** 400 when any field breaks the schema, else 422; every field error is listed either way. */
    public static Problem invalid(List<FieldError> fieldErrors) {
        boolean semantic = fieldErrors.stream().allMatch(FieldError::semantic);
        var errors = fieldErrors.stream().map(e -> new Error(e.pointer(), e.detail())).toList();
        return semantic
                ? new Problem(TYPE_BASE + "unprocessable", "The feedback cannot be accepted as stated", 422,
                        errors.size() + " field(s) are well-formed but not acceptable", errors, null)
                : new Problem(TYPE_BASE + "invalid-request", "The request is invalid", 400,
                        errors.size() + " field(s) are invalid", errors, null);
    }

    public Problem withRetryAfter(Duration wait) {
        return new Problem(type, title, status, detail, errors, wait);
    }

    /** Whole seconds, rounded up: {@code Retry-After: 0} would invite an immediate retry storm. */
    @JsonIgnore
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
