package dev.heed.responder.console;

import dev.heed.events.EscalationLevel;
import java.time.Duration;
import java.time.Instant;

/**
 * The facts of one feedback at one moment, copied out of the timeline index: when it came, whether and when
 * it was escalated and is due, how far it has climbed, and whether a person or a reply has answered it.
 * {@code feedback} is false for an id known only from a reply or an acknowledgement. {@code confidence} is the
 * classifier's confidence that escalating was right ({@code null} when not escalated or from a classifier before 2.0).
 * {@code classifiedAfterMillis} and {@code escalatedAfterMillis} are routing's latency: how long after the feedback
 * was received it was classified and escalated ({@code null} while either time is unknown; negative only when the
 * services' clocks disagree). {@code queue} is the owning queue (routing's state row, else the escalation);
 * {@code promises} is routing's count of the complaint's promises from its complaints.state row (null without one).
 * {@code status} is routing's status from that row (null without one); {@code resolvedAt} and {@code resolvedBy} who
 * resolved it when, while it is resolved (null before a resolution and after a reopening). {@code verdict} is the
 * customer's verdict on a resolution, from routing's state row and the verdict's own feedback (null without a state row).
 */
public record ComplaintFacts(String id, Instant receivedAt, Instant escalatedAt, Instant dueAt, String severity,
                             String subject, EscalationLevel level, int reminders, boolean acknowledged,
                             boolean customerAnswered, boolean feedback, Double confidence, Long classifiedAfterMillis,
                             Long escalatedAfterMillis, String queue, PromiseHistory.Counts promises, String status,
                             Instant resolvedAt, String resolvedBy, Verdict verdict) {

    /**
     * How often the complaint was resolved and the customer's last verdict on a resolution: its score (null while none
     * came), when, through which feedback, and its text (null until that feedback is read).
     */
    public record Verdict(int resolutions, Integer score, Instant at, String feedbackId, String text) {
        public boolean answered() {
            return score != null;
        }
    }
    public boolean escalated() {
        return escalatedAt != null;
    }

    /** Milliseconds from {@code from} to {@code to}, or null when either is unknown. */
    static Long millisBetween(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }
}
