package dev.heed.responder.ack;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every complaint this service knows of, from complaints.escalated, complaints.state and
 * complaints.acknowledged (all partitions, read from the beginning), with its owning queue, first-response
 * due time and acknowledgement. It answers "is this a complaint?" for the acknowledge API and "by when?"
 * for complaint replies. One small entry per complaint in memory, bounded by the topics' retention.
 *
 * <p>It also keeps how each complaint's customer is reached ({@link Contact}), so that an update an agent gives
 * later goes where the first reply went: the customer and source system from complaints.escalated (the only one of
 * its topics that carries them; complaints.state has no contact details), and the language of the reply the customer
 * got, from responses.sent. A tombstone on complaints.state (written only by {@code heed erase}) forgets the contact.
 */
public final class ComplaintDirectory {
    private final Map<String, KnownComplaint> complaints = new ConcurrentHashMap<>();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    /**
     * How a complaint's customer is reached. {@code sourceSystem} and {@code customer} are null until the complaint's
     * escalation is read; {@code replyLanguage} (the language of the reply the customer got, e.g. {@code de}) is null
     * until that reply is read from responses.sent.
     */
    public record Contact(String sourceSystem, Customer customer, String reference, String replyLanguage) {
        /** Whether the escalation, and with it the customer, has been read. */
        public boolean known() {
            return sourceSystem != null;
        }
    }

    /** What {@link #contact} finds: the contact when known, and whether the customer's data was erased. */
    public record ContactLookup(Optional<Contact> contact, boolean erased) {}

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
        if (!erased.contains(event.getComplaintId())) {
            contacts.compute(event.getComplaintId(), (id, old) -> new Contact(event.getSourceSystem(), event.getCustomer(),
                    event.getReference(), old == null ? null : old.replyLanguage()));
        }
    }

    /** The customer's reply to complaint {@code complaintId} went out in {@code language} (read from responses.sent). */
    public void replied(String complaintId, String language) {
        if (erased.contains(complaintId) || language == null) {
            return;
        }
        // The reply may be read before the escalation: the two come from different topics, read by different readers.
        contacts.compute(complaintId, (id, old) -> old == null ? new Contact(null, null, null, language)
                : new Contact(old.sourceSystem(), old.customer(), old.reference(), language));
    }

    /**
     * The customer's data was erased ({@code heed erase} tombstoned the complaint's state row): the contact is
     * forgotten and not learned again from a later read of its escalation. Remembered until a restart, which reads
     * what the topics still hold (see docs/personal-data.md).
     */
    public void erased(String complaintId) {
        erased.add(complaintId);
        contacts.remove(complaintId);
    }

    /** How the customer of complaint {@code complaintId} is reached, when its escalation has been read. */
    public ContactLookup contact(String complaintId) {
        boolean gone = erased.contains(complaintId);
        Optional<Contact> contact = gone ? Optional.empty()
                : Optional.ofNullable(contacts.get(complaintId)).filter(Contact::known);
        return new ContactLookup(contact, gone);
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
