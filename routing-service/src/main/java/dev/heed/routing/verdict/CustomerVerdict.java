package dev.heed.routing.verdict;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's answer to a resolution, how did we do: a score from 1 (bad) to 5 (good) and what the classifier made of
 * the free text. Negative when the score is {@value #NEGATIVE_AT_MOST} or less, or when the text was judged and found
 * negative or worth escalating; a text the classifier could not judge (empty, another language: triage) counts for
 * nothing, so a bare 5 is not read as a complaint.
 *
 * @param score        1 to 5
 * @param negativeText the text was judged negative or to be escalated (and not left to triage)
 * @param feedbackId   the verdict's event id on the feedback topics, where its text and classification are
 * @param resolutionId the resolving update's id, which the link named
 * @param at           when Heed accepted the verdict (its receivedAt)
 */
public record CustomerVerdict(int score, boolean negativeText, String feedbackId, String resolutionId, Instant at) {
    public static final int NEGATIVE_AT_MOST = 2;

    public CustomerVerdict {
        Objects.requireNonNull(feedbackId, "feedbackId");
        Objects.requireNonNull(resolutionId, "resolutionId");
        Objects.requireNonNull(at, "at");
    }

    public boolean negative() {
        return score <= NEGATIVE_AT_MOST || negativeText;
    }
}
