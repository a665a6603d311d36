package dev.heed.responder.ack;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.UpdateAction;
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
 *
 * <p>And whether each complaint is resolved, for the resolution and reopening APIs: from routing's state rows (RESOLVED
 * with who and when, REOPENED), and from the resolutions and reopenings this instance writes, at once. A row older
 * than what is known (read late, written before the resolution) does not undo it.
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

    /**
     * What is known of one complaint; {@code acknowledgement} is null while nobody has acknowledged it (a resolution
     * counts as its acknowledgement), {@code resolution} null while nobody has resolved it.
     */
    public record KnownComplaint(String id, String queue, Instant firstResponseDueAt, ComplaintAcknowledged acknowledgement,
                                 Resolution resolution) {
        public KnownComplaint(String id, String queue, Instant firstResponseDueAt, ComplaintAcknowledged acknowledgement) {
            this(id, queue, firstResponseDueAt, acknowledgement, null);
        }

        KnownComplaint acknowledged(ComplaintAcknowledged ack) {
            return acknowledgement != null ? this : new KnownComplaint(id, queue, firstResponseDueAt, ack, resolution);
        }

        /** The complaint with {@code fresh} as its resolution, unless the one known is newer (a state row read late). */
        KnownComplaint resolution(Resolution fresh) {
            if (fresh == null || (resolution != null && fresh.at().isBefore(resolution.at()))) {
                return this;
            }
            return new KnownComplaint(id, queue, firstResponseDueAt, acknowledgement, fresh);
        }

        KnownComplaint escalatedAs(String newQueue, Instant newDueAt) {
            return new KnownComplaint(id, newQueue, newDueAt, acknowledgement, resolution);
        }

        /** Whether an agent resolved it and nobody reopened it since. */
        public boolean resolved() {
            return resolution != null && resolution.status() == ComplaintStatus.RESOLVED;
        }

        /**
         * Where it stands, as an agent tells complaints apart: OPEN while nobody acknowledged it, RESOLVED or REOPENED
         * after its last resolution or reopening, else ACKNOWLEDGED.
         */
        public ComplaintStatus status() {
            if (acknowledgement == null) {
                return ComplaintStatus.OPEN;
            }
            return resolution != null ? resolution.status() : ComplaintStatus.ACKNOWLEDGED;
        }
    }

    /**
     * The last resolution or reopening of a complaint: {@code status} RESOLVED or REOPENED, {@code at} when (the
     * update's updatedAt), {@code by} the agent (null when only a state row told of a reopening), {@code updateId} the
     * update that did it when this instance wrote it (null from a state row, which does not carry it).
     */
    public record Resolution(ComplaintStatus status, Instant at, String by, String updateId) {}

    public void escalated(ComplaintEscalated event) {
        complaints.merge(event.getComplaintId(),
                new KnownComplaint(event.getComplaintId(), event.getQueue(), event.getFirstResponseDueAt(), null),
                (old, fresh) -> old.escalatedAs(fresh.queue(), fresh.firstResponseDueAt()));
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
        ComplaintAcknowledged ack = owned(state.getStatus()) ? fromState(state) : null;
        Resolution resolution = resolutionOf(state);
        complaints.compute(state.getComplaintId(), (id, old) -> {
            KnownComplaint known = old != null ? old : new KnownComplaint(id, state.getQueue(), state.getFirstResponseDueAt(), null);
            return (ack == null ? known : known.acknowledged(ack)).resolution(resolution);
        });
    }

    /**
     * Whether a complaint of this status is owned by a person: acknowledged, resolved (a resolution acknowledges it),
     * reopened after that, or on hold (a wait acknowledges it too). Its first-response clock is stopped.
     */
    public static boolean owned(ComplaintStatus status) {
        return status == ComplaintStatus.ACKNOWLEDGED || status == ComplaintStatus.RESOLVED || status == ComplaintStatus.REOPENED
                || status == ComplaintStatus.WAITING_ON_CUSTOMER || status == ComplaintStatus.WAITING_ON_THIRD_PARTY;
    }

    /**
     * An update this instance just wrote that resolves or reopens its complaint, or puts it on hold (an update of action
     * UPDATE or RESUME changes nothing here). A resolution or a wait of a complaint nobody acknowledged acknowledges it,
     * as routing counts it.
     */
    public void acted(ComplaintUpdated update) {
        ComplaintStatus status = switch (update.getAction()) {
            case RESOLVE -> ComplaintStatus.RESOLVED;
            case REOPEN -> ComplaintStatus.REOPENED;
            default -> null;
        };
        boolean waiting = update.getAction() == UpdateAction.WAIT_ON_CUSTOMER || update.getAction() == UpdateAction.WAIT_ON_THIRD_PARTY;
        if (status == null && !waiting) {
            return;
        }
        Resolution resolution = waiting ? null : new Resolution(status, update.getUpdatedAt(),
                status == ComplaintStatus.RESOLVED ? update.getAgent() : null, update.getUpdateId());
        ComplaintAcknowledged ack = ComplaintAcknowledged.newBuilder()
                .setComplaintId(update.getComplaintId())
                .setAcknowledgementId((waiting ? "wait:" : "resolution:") + update.getUpdateId())
                .setAcknowledgedAt(update.getUpdatedAt())
                .setAgent(update.getAgent())
                .setTeam(update.getTeam())
                .setSource(AckSource.API)
                .build();
        complaints.compute(update.getComplaintId(), (id, old) ->
                (old == null ? new KnownComplaint(id, null, null, ack) : old.acknowledged(ack)).resolution(resolution));
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

    /**
     * Every complaint that was escalated (or has a state row) and is not resolved, in no order: the unacknowledged ones,
     * and those a person owns (acknowledged, or reopened) that still need work.
     */
    public List<KnownComplaint> notResolved() {
        return complaints.values().stream().filter(known -> known.queue() != null && !known.resolved()).toList();
    }

    public int size() {
        return complaints.size();
    }

    private static Resolution resolutionOf(ComplaintState state) {
        if (state.getStatus() == ComplaintStatus.RESOLVED) {
            Instant at = state.getResolvedAt() != null ? state.getResolvedAt() : state.getUpdatedAt();
            return new Resolution(ComplaintStatus.RESOLVED, at, state.getResolvedBy(), null);
        }
        // A reopened row no longer carries the resolution; its time is the row's.
        return state.getStatus() == ComplaintStatus.REOPENED ? new Resolution(ComplaintStatus.REOPENED, state.getUpdatedAt(), null, null) : null;
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
