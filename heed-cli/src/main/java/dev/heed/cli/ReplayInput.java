package dev.heed.cli;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Severity;
import dev.heed.events.UpdateAction;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins {@code complaints.escalated}, {@code complaints.acknowledged} and {@code complaints.updated} by complaint id into
 * the complaints {@link PolicyReplay} takes, in whatever order the topics come (they are read one after the other).
 * The first escalation of an id counts, as routing keeps the first running clock; the earliest acknowledgement
 * counts, as the first one stops the clock. Of the updates, the resolutions and reopenings count, in their topic's order
 * (keyed by the complaint id, so one partition keeps a complaint's in the order routing reads them), each update id once
 * as routing applies it once; plain updates and actions this version does not know move no resolution clock.
 */
final class ReplayInput {
    private final Map<String, ComplaintEscalated> escalations = new LinkedHashMap<>();
    private final Map<String, Instant> acknowledgements = new HashMap<>();
    private final Map<String, List<PolicyReplay.Action>> actions = new HashMap<>();
    private final Set<String> updateIds = new HashSet<>();
    private int repeatedEscalations;
    private int acknowledgementRecords;
    private int updateRecords;
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

    void updated(ComplaintUpdated update) {
        updateRecords++;
        PolicyReplay.Action.Kind kind = update.getAction() == UpdateAction.RESOLVE ? PolicyReplay.Action.Kind.RESOLVE
                : update.getAction() == UpdateAction.REOPEN ? PolicyReplay.Action.Kind.REOPEN : null;
        if (kind != null && updateIds.add(update.getUpdateId())) {
            actions.computeIfAbsent(update.getComplaintId(), id -> new ArrayList<>())
                    .add(new PolicyReplay.Action(kind, update.getUpdatedAt()));
        }
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
                    e.getReceivedAt() != null ? e.getReceivedAt() : e.getEscalatedAt(), e.getEscalatedAt(),
                    acknowledgements.get(e.getComplaintId()), actions.getOrDefault(e.getComplaintId(), List.of())));
        }
        return complaints;
    }

    /** Acknowledged ids with no escalation on the topic: early, for feedback that never escalated, or past its retention. */
    int acknowledgedWithoutEscalation() {
        return (int) acknowledgements.keySet().stream().filter(id -> !escalations.containsKey(id)).count();
    }

    /** Resolutions and reopenings (each update id once) of complaints with no escalation on the topic. */
    int actionsWithoutEscalation() {
        return actions.entrySet().stream().filter(e -> !escalations.containsKey(e.getKey())).mapToInt(e -> e.getValue().size()).sum();
    }

    /** Resolutions, each update id once, of every complaint read. */
    int resolutions() {
        return count(PolicyReplay.Action.Kind.RESOLVE);
    }

    /** Reopenings, each update id once, of every complaint read. */
    int reopenings() {
        return count(PolicyReplay.Action.Kind.REOPEN);
    }

    /**
     * Resolutions of a complaint that its own updates show resolved already. Routing applies them as nothing, and so does
     * the replay; but one usually means the complaint was reopened where this replay cannot see it, by a customer's
     * negative verdict (on {@code complaints.state}, not {@code complaints.updated}), and resolved again.
     */
    int resolutionsOfResolved() {
        int count = 0;
        for (List<PolicyReplay.Action> list : actions.values()) {
            boolean resolved = false;
            for (PolicyReplay.Action action : list) {
                boolean resolve = action.kind() == PolicyReplay.Action.Kind.RESOLVE;
                if (resolve && resolved) {
                    count++;
                }
                // A resolution leaves it resolved, a reopening open (one of an open complaint changes nothing).
                resolved = resolve;
            }
        }
        return count;
    }

    private int count(PolicyReplay.Action.Kind kind) {
        return (int) actions.values().stream().flatMap(List::stream).filter(a -> a.kind() == kind).count();
    }

    int updateRecords() {
        return updateRecords;
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
