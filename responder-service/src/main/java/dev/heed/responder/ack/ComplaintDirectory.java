package dev.heed.responder.ack;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every complaint this service knows of, from complaints.escalated, complaints.state and
 * complaints.acknowledged (all partitions, read from the beginning), with its owning queue, first-response
 * due time and acknowledgement. It answers "is this a complaint?" for the acknowledge API and "by when?"
 * for complaint replies. One small entry per complaint in memory, bounded by the topics' retention.
 */
public final class ComplaintDirectory {
    private final Map<String, KnownComplaint> complaints = new ConcurrentHashMap<>();

    /** What is known of one complaint; {@code acknowledgement} is null while nobody has acknowledged it. */
    public record KnownComplaint(String id, String queue, Instant firstResponseDueAt, ComplaintAcknowledged acknowledgement) {
        KnownComplaint acknowledged(ComplaintAcknowledged ack) {
            return acknowledgement != null ? this : new KnownComplaint(id, queue, firstResponseDueAt, ack);
        }
    }

    public void escalated(ComplaintEscalated event) {
        complaints.merge(event.getComplaintId(),
                new KnownComplaint(event.getComplaintId(), event.getQueue(), event.getFirstResponseDueAt(), null),
                (old, fresh) -> new KnownComplaint(old.id(), fresh.queue(), fresh.firstResponseDueAt(), old.acknowledgement()));
    }

    public void state(ComplaintState state) {
        ComplaintAcknowledged ack = state.getStatus() == ComplaintStatus.ACKNOWLEDGED ? fromState(state) : null;
        complaints.compute(state.getComplaintId(), (id, old) -> {
            KnownComplaint known = old != null ? old : new KnownComplaint(id, state.getQueue(), state.getFirstResponseDueAt(), null);
            return ack == null ? known : known.acknowledged(ack);
        });
    }

    /** An acknowledgement read back from complaints.acknowledged, or just written by this instance. */
    public void acknowledged(ComplaintAcknowledged ack) {
        // An acknowledgement of a complaint not seen yet is kept too: its escalation may still be on its way.
        complaints.compute(ack.getComplaintId(), (id, old) ->
                old == null ? new KnownComplaint(id, null, null, ack) : old.acknowledged(ack));
    }

    /** The complaint, if it was escalated or has a state row. */
    public Optional<KnownComplaint> find(String complaintId) {
        return Optional.ofNullable(complaints.get(complaintId)).filter(known -> known.queue() != null);
    }

    /** Every complaint that was escalated (or has a state row) and is not acknowledged, in no order. */
    public List<KnownComplaint> open() {
        return complaints.values().stream().filter(known -> known.queue() != null && known.acknowledgement() == null).toList();
    }

    public int size() {
        return complaints.size();
    }

    private static ComplaintAcknowledged fromState(ComplaintState state) {
        // The state row does not carry the acknowledgement's id; the complaint's own id stands in for it.
        return ComplaintAcknowledged.newBuilder()
                .setComplaintId(state.getComplaintId())
                .setAcknowledgementId("state:" + state.getComplaintId())
                .setAcknowledgedAt(state.getAcknowledgedAt() != null ? state.getAcknowledgedAt() : state.getUpdatedAt())
                .setAgent(state.getAcknowledgedBy() != null ? state.getAcknowledgedBy() : "unknown")
                .setSource(AckSource.OTHER)
                .build();
    }
}
