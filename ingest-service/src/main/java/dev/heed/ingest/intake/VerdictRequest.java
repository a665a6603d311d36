package dev.heed.ingest.intake;

import dev.heed.ingest.feedback.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's answer to a resolution as it arrived: the signed link's parts (the complaint from the path, the
 * resolution, expiry and signature from the query) and the answer (a score 1-5 and an optional text). Nothing is
 * checked yet; {@link #linkErrors} and {@link #answerErrors} name what is malformed, as query parameters
 * ({@code query:sig}) and JSON Pointers ({@code /score}).
 *
 * @param bodyErrors what could not be read from the body at all (not JSON, say)
 */
public record VerdictRequest(String complaintId, String resolutionId, String expires, String signature, Integer score,
                             String text, List<FieldError> bodyErrors) {
    /** The longest free text a verdict may carry. */
    public static final int MAX_TEXT = 2000;

    public VerdictRequest {
        bodyErrors = bodyErrors == null ? List.of() : List.copyOf(bodyErrors);
    }

    /** A request for the link alone (the form's page), without an answer. */
    public static VerdictRequest link(String complaintId, String resolutionId, String expires, String signature) {
        return new VerdictRequest(complaintId, resolutionId, expires, signature, null, null, List.of());
    }

    /** What is missing or malformed in the link. */
    public List<FieldError> linkErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (blank(complaintId) || complaintId.length() > 128) {
            errors.add(FieldError.invalid("path:id", "must be the complaint id, 1-128 characters"));
        }
        if (blank(resolutionId) || resolutionId.length() > 128) {
            errors.add(FieldError.invalid("query:resolution", "must be the resolution's id from the link, 1-128 characters"));
        }
        if (expiresSecond() == null) {
            errors.add(FieldError.invalid("query:expires", "must be the link's expiry, whole seconds since 1970"));
        }
        if (blank(signature)) {
            errors.add(FieldError.invalid("query:sig", "must be the link's signature"));
        }
        return errors;
    }

    /** What is wrong with the answer itself. */
    public List<FieldError> answerErrors() {
        List<FieldError> errors = new ArrayList<>(bodyErrors);
        if (!bodyErrors.isEmpty()) {
            return errors;
        }
        if (score == null) {
            errors.add(FieldError.invalid("/score", "is required: how did we do, 1 (bad) to 5 (good)"));
        } else if (score < 1 || score > 5) {
            errors.add(FieldError.invalid("/score", "must be 1 to 5, not " + score));
        }
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(FieldError.invalid("/text", "must be at most " + MAX_TEXT + " characters, not " + text.length()));
        }
        return errors;
    }

    /** The expiry in whole seconds, null when it is not a number. */
    public Long expiresSecond() {
        if (blank(expires) || expires.length() > 19 || !expires.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(expires);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
