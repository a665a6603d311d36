package dev.heed.responder.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The completeness figure: feedback received = answered + waiting within its SLA, and whatever is neither is a
 * gap. A complaint (escalated) is answered once a person acknowledged it and waits until its first-response
 * due time; other feedback is answered once a customer reply went out (outcome SENT) and waits for
 * {@code replyWithin} after it was received. A failed or undeliverable reply is not an answer.
 */
public record Completeness(int received, int answered, int waiting, int gap, List<Gap> gaps) {
    /** How many gaps are listed by id; the count is always exact. */
    static final int LISTED_GAPS = 50;

    /** One feedback that broke the promise: which, why, and since when. */
    public record Gap(String id, String reason, Instant since) {}

    public static Completeness of(Collection<ComplaintFacts> all, Instant now, Duration replyWithin) {
        int received = 0;
        int answered = 0;
        int waiting = 0;
        List<Gap> gaps = new ArrayList<>();
        for (ComplaintFacts f : all) {
            if (!f.feedback()) {
                continue;
            }
            received++;
            Instant deadline = f.escalated() ? f.dueAt() : f.receivedAt().plus(replyWithin);
            if (f.escalated() ? f.acknowledged() : f.customerAnswered()) {
                answered++;
            } else if (deadline != null && !now.isAfter(deadline)) {
                waiting++;
            } else {
                gaps.add(new Gap(f.id(), f.escalated() ? "not acknowledged by its due time" : "no reply sent within " + replyWithin.toMinutes() + " min", deadline));
            }
        }
        int gap = gaps.size();
        return new Completeness(received, answered, waiting, gap, List.copyOf(gaps.subList(0, Math.min(gap, LISTED_GAPS))));
    }
}
