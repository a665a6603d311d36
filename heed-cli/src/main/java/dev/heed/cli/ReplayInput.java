package dev.heed.cli;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.Severity;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins {@code complaints.escalated} and {@code complaints.acknowledged} by complaint id into the complaints
 * {@link PolicyReplay} takes, in whatever order the records come (the two topics are read one after the other).
 * The first escalation of an id counts, as routing keeps the first running clock; the earliest acknowledgement
 * counts, as the first one stops the clock.
 */
final class ReplayInput {
    private final Map<String, ComplaintEscalated> escalations = new LinkedHashMap<>();
    private final Map<String, Instant> acknowledgements = new HashMap<>();
    private int repeatedEscalations;
    private int acknowledgementRecords;
    private int unreadable;

    void escalated(ComplaintEscalated escalation) {
        if (escalations.putIfAbsent(escalation.getComplaintId(), escalation) != null) {
            repeatedEscalations++;
        }
    }

    void acknowledged(ComplaintAcknowledged ack) {
        acknowledgementRecords++;
        acknowledgements.merge(ack.getComplaintId(), ack.getAcknowledgedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }

    /** A record that could not be decoded: it is left out and counted, as {@code heed tail} goes on past one. */
    void unreadable() {
        unreadable++;
    }

    List<PolicyReplay.Complaint> complaints() {
        List<PolicyReplay.Complaint> complaints = new ArrayList<>(escalations.size());
        for (ComplaintEscalated e : escalations.values()) {
            complaints.add(new PolicyReplay.Complaint(e.getComplaintId(), severity(e.getSeverity()), e.getChannel().name(),
                    e.getCategories().stream().map(c -> CategoryLabel.valueOf(c.name())).toList(),
                    // Escalations from routing before ComplaintEscalated 3 carry the clock's start in escalatedAt.
                    e.getReceivedAt() != null ? e.getReceivedAt() : e.getEscalatedAt(),
                    acknowledgements.get(e.getComplaintId())));
        }
        return complaints;
    }

    /** Acknowledged ids with no escalation on the topic: early, for feedback that never escalated, or past its retention. */
    int acknowledgedWithoutEscalation() {
        return (int) acknowledgements.keySet().stream().filter(id -> !escalations.containsKey(id)).count();
    }

    int escalationRecords() {
        return escalations.size() + repeatedEscalations;
    }

    int repeatedEscalations() {
        return repeatedEscalations;
    }

    int acknowledgementRecords() {
        return acknowledgementRecords;
    }

    int unreadableRecords() {
        return unreadable;
    }

    /** UNKNOWN (a newer classifier's symbol) is left for the escalation rule to handle as routing does. */
    private static Optional<SeverityLabel> severity(Severity severity) {
        return severity == Severity.UNKNOWN ? Optional.empty() : Optional.of(SeverityLabel.valueOf(severity.name()));
    }
}
