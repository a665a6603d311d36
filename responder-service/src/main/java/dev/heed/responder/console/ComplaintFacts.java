package dev.heed.responder.console;

import dev.heed.events.EscalationLevel;
import dev.heed.schemas.topics.TopicNames;
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
 * {@code hold} is where the complaint stands on hold and how long it was held, {@code replies} the customer's replies
 * attached to it (both from routing's state row, null without one). {@code fixedByProblem} is the known problem whose
 * fix resolved it (the resolution's update id is {@code fix:<problem>:<complaint>}), null while it is not resolved or an
 * agent resolved it.
 */
public record ComplaintFacts(String id, Instant receivedAt, Instant escalatedAt, Instant dueAt, String severity,
                             String subject, EscalationLevel level, int reminders, boolean acknowledged,
                             boolean customerAnswered, boolean feedback, Double confidence, Long classifiedAfterMillis,
                             Long escalatedAfterMillis, String queue, PromiseHistory.Counts promises, String status,
                             Instant resolvedAt, String resolvedBy, Verdict verdict, Hold hold, Replies replies,
                             String fixedByProblem) {

    /**
     * The complaint's hold: {@code waitingOn} CUSTOMER or THIRD_PARTY while on hold (null otherwise), {@code since} when
     * the current hold began (null while not on hold), {@code heldMillis} the wall-clock time of the holds that ended and
     * {@code pauses} how many holds began (the current one included).
     */
    public record Hold(String waitingOn, Instant since, long heldMillis, int pauses) {
        /** Whom a complaint of routing's {@code status} waits on, or null when it is not on hold. */
        static String waitingOn(String status) {
            return switch (status) {
                case "WAITING_ON_CUSTOMER" -> "CUSTOMER";
                case "WAITING_ON_THIRD_PARTY" -> "THIRD_PARTY";
                default -> null;
            };
        }

        public boolean onHold() {
            return waitingOn != null;
        }

        /** The time held in all as of {@code now}: the ended holds and the current one so far. */
        public long heldMillis(Instant now) {
            return heldMillis + (since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis()));
        }
    }

    /**
     * The customer's replies attached to the complaint: how many, how many negative, and the last one's time, feedback
     * id (its own page) and whether it was negative.
     */
    public record Replies(int count, int negative, Instant lastAt, String lastFeedbackId, boolean lastNegative) {}

    /** The problem id of a fix's update id {@code fix:<problem>:<complaint>}, or null for any other update id. */
    static String problemOf(String updateId, String complaintId) {
        String suffix = ":" + complaintId;
        int start = TopicNames.FIX_UPDATE_PREFIX.length();
        if (updateId == null || !updateId.startsWith(TopicNames.FIX_UPDATE_PREFIX) || !updateId.endsWith(suffix)
                || updateId.length() <= start + suffix.length()) {
            return null;
        }
        return updateId.substring(start, updateId.length() - suffix.length());
    }

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
