package dev.heed.ingest.feedback;

import java.util.List;

/**
 * What one request (or one batch item) asked for: the parsed feedback, or the reasons it could not be
 * parsed, plus the identity it claimed. {@code eventId} and {@code claimedSource} are null when the
 * client did not state them.
 */
public record Submission(String eventId, String claimedSource, FeedbackInput input, List<FieldError> errors) {
    public Submission {
        errors = List.copyOf(errors);
        if (input == null && errors.isEmpty()) {
            throw new IllegalArgumentException("a submission without input must say why");
        }
    }

    public static Submission invalid(List<FieldError> errors) {
        return new Submission(null, null, null, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
