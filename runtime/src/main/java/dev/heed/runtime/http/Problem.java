package dev.heed.runtime.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * An RFC 9457 problem document, the one shape every Heed service answers errors with: {@code type} is
 * {@code urn:heed:problem:<slug>}, {@code errors} names every invalid field (a JSON Pointer into the request body
 * or, for a query parameter, its name, and what is wrong with it) so a client can fix all of them at once, and
 * {@code retryAfter}, when present, is sent as the {@code Retry-After} header rather than in the body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Error> errors,
                      @JsonIgnore Duration retryAfter) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "urn:heed:problem:";

    /** One invalid field, as it appears in the body's {@code errors} member. */
    public record Error(String pointer, String detail) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of(), null);
    }

    /** A 400 naming every invalid field. */
    public static Problem invalid(String title, List<Error> errors) {
        return new Problem(TYPE_BASE + "invalid-request", title, 400, errors.size() + " field(s) are invalid", null, errors, null);
    }

    public Problem withErrors(List<Error> more) {
        return new Problem(type, title, status, detail, instance, more, retryAfter);
    }

    /** The request path the problem is about. */
    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, retryAfter);
    }

    public Problem withRetryAfter(Duration wait) {
        return new Problem(type, title, status, detail, instance, errors, wait);
    }

    /** Whole seconds, rounded up: {@code Retry-After: 0} would invite an immediate retry storm. */
    @JsonIgnore
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
