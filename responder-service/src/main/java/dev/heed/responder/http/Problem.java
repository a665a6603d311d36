package dev.heed.responder.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names every bad field of a request, so a client can fix
 * them all at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    private static final String TYPE_BASE = "https://heed.dev/problems/";

    /** One bad field and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, List.of());
    }

    public static Problem invalid(List<FieldError> errors, String instance) {
        return new Problem(TYPE_BASE + "invalid-request", "The request has invalid fields", 400,
                errors.size() + " field(s) are invalid", instance, List.copyOf(errors));
    }
}
