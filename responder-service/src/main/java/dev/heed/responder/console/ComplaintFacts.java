package dev.heed.responder.console;

import dev.heed.events.EscalationLevel;
import java.time.Instant;

/**
 * The facts of one feedback at one moment, copied out of the timeline index: when it came, whether and when
 * it was escalated and is due, how far it has climbed, and whether a person or a reply has answered it.
 * {@code feedback} is false for an id known only from a reply or an acknowledgement. {@code confidence} is the
 * classifier's confidence that escalating was right ({@code null} when not escalated or from a classifier before 2.0).
 */
public record ComplaintFacts(String id, Instant receivedAt, Instant escalatedAt, Instant dueAt, String severity,
                             String subject, EscalationLevel level, int reminders, boolean acknowledged,
                             boolean customerAnswered, boolean feedback, Double confidence) {
    public boolean escalated() {
        return escalatedAt != null;
    }
}
