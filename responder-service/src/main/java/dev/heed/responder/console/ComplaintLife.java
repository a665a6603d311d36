package dev.heed.responder.console;

import dev.heed.events.EscalationLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console knows of one feedback id: its timeline (at most {@code maxEntries}, oldest dropped
 * first) and the few facts the completeness figure and the open list need. Guarded by the index's lock.
 */
final class ComplaintLife {
    private final String id;
    private final int maxEntries;
    private final List<TimelineEntry> entries = new ArrayList<>();
    Instant receivedAt;
    Instant classifiedAt;
    Instant escalatedAt;
    Instant dueAt;
    String severity;
    Double confidence;
    String subject;
    EscalationLevel level = EscalationLevel.AGENT;
    int reminders;
    boolean acknowledged;
    boolean customerAnswered;

    ComplaintLife(String id, int maxEntries) {
        this.id = id;
        this.maxEntries = maxEntries;
    }

    String id() {
        return id;
    }

    void add(TimelineEntry entry) {
        if (entries.stream().anyMatch(entry::samePlace)) {
            return;
        }
        entries.add(entry);
        entries.sort(TimelineEntry.ORDER);
        if (entries.size() > maxEntries) {
            entries.remove(0);
        }
    }

    List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    /** Known as feedback (received, classified or escalated), not only through a reply or an acknowledgement. */
    boolean isFeedback() {
        return receivedAt != null || escalatedAt != null;
    }

    /** An immutable copy for readers outside the lock. */
    ComplaintFacts facts() {
        return new ComplaintFacts(id, receivedAt != null ? receivedAt : escalatedAt, escalatedAt, dueAt, severity, subject, level,
                reminders, acknowledged, customerAnswered, isFeedback(), confidence,
                ComplaintFacts.millisBetween(receivedAt, classifiedAt), ComplaintFacts.millisBetween(receivedAt, escalatedAt));
    }
}
