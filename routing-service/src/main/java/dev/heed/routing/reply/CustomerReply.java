package dev.heed.routing.reply;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's reply attached to their open complaint.
 *
 * @param feedbackId the reply's event id on the feedback topics, where its text and classification are
 * @param at         when Heed accepted it (its receivedAt)
 * @param negative   the classifier judged it negative or worth escalating (and did not leave it to triage)
 */
public record CustomerReply(String feedbackId, Instant at, boolean negative) {
    public CustomerReply {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(at, "at");
    }
}
