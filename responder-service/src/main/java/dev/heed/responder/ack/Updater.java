package dev.heed.responder.ack;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.AckException.Reason;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.runtime.auth.Principal;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes an agent's update to the customer of a complaint, or its resolution or reopening, and writes it to
 * complaints.updated, where routing's promise ledger keeps, replaces or makes promises from it and marks the complaint
 * RESOLVED or REOPENED. One topic for all three, so that one complaint's agent actions keep their order.
 *
 * <ul>
 *   <li>An update ({@link UpdateAction#UPDATE}) only on an acknowledged complaint: routing tracks promises from the
 *       acknowledgement on, and an update before it would be ignored there.</li>
 *   <li>A resolution ({@link UpdateAction#RESOLVE}) on any complaint not resolved already: on one nobody acknowledged,
 *       it counts as the acknowledgement and stops the first-response clock. It promises nothing.</li>
 *   <li>A reopening ({@link UpdateAction#REOPEN}) only on a resolved complaint; it may promise the next update.</li>
 *   <li>A wait ({@link UpdateAction#WAIT_ON_CUSTOMER}, {@link UpdateAction#WAIT_ON_THIRD_PARTY}) on any complaint not
 *       resolved: it puts it on hold, pausing its resolution clock; on one nobody acknowledged it counts as the
 *       acknowledgement (asking the customer is a response). It may promise the next update.</li>
 *   <li>A resumption ({@link UpdateAction#RESUME}) on an acknowledged complaint not resolved: it takes it off hold.</li>
 * </ul>
 *
 * <p>Not idempotent by itself: every request that passes the checks is written. A client that retries passes its own
 * {@code updateId}, and routing applies an update id once when it is the last one applied; a resolution or reopening
 * retried with the id of the one this instance wrote last passes its check again (its own earlier write made the
 * complaint resolved, or reopened). The message reaches the customer from complaints.updated, through the responder's
 * consumer ({@code Responses}), once per update id.
 */
public final class Updater {
    private final ComplaintDirectory directory;
    private final UpdateWriter writer;
    private final Clock clock;

    public Updater(ComplaintDirectory directory, UpdateWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    public ComplaintUpdated update(String complaintId, Principal who, UpdateRequest request) throws AckException {
        return act(UpdateAction.UPDATE, complaintId, who, request);
    }

    /**
     * Writes the update as {@code action}: {@link UpdateAction#UPDATE}, {@link UpdateAction#RESOLVE} or
     * {@link UpdateAction#REOPEN}. Resolutions and reopenings are taken one at a time, so that two racing on this
     * instance do not both pass the check (across instances, routing applies the first); updates check nothing that
     * another update changes.
     */
    public ComplaintUpdated act(UpdateAction action, String complaintId, Principal who, UpdateRequest request) throws AckException {
        if (action == UpdateAction.UPDATE || action == UpdateAction.RESUME) {
            return write(action, complaintId, who, request);
        }
        synchronized (this) {
            return write(action, complaintId, who, request);
        }
    }

    private ComplaintUpdated write(UpdateAction action, String complaintId, Principal who, UpdateRequest request) throws AckException {
        KnownComplaint complaint = directory.find(complaintId)
                .orElseThrow(() -> new AckException(Reason.UNKNOWN_COMPLAINT, "no complaint " + complaintId, null));
        String agent = Acknowledger.agent(who, request.agent());
        check(action, complaint, request);
        ComplaintUpdated update = ComplaintUpdated.newBuilder()
                .setComplaintId(complaintId)
                .setUpdateId(request.updateId() != null ? request.updateId() : "upd_" + UUID.randomUUID().toString().replace("-", ""))
                .setUpdatedAt(clock.instant())
                .setAgent(agent)
                .setTeam(who.kind() == Principal.Kind.TEAM ? who.name() : null)
                .setMessage(request.message())
                .setNextUpdateBy(request.nextUpdateBy())
                .setDelay(request.delay())
                .setAction(action)
                .build();
        try {
            writer.write(update);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AckException(Reason.UNAVAILABLE, "interrupted while writing the " + noun(action), e);
        } catch (Exception e) {
            throw new AckException(Reason.UNAVAILABLE, "cannot write the " + noun(action) + ": " + e.getMessage(), e);
        }
        directory.acted(update);
        return update;
    }

    private static void check(UpdateAction action, KnownComplaint complaint, UpdateRequest request) throws AckException {
        String id = complaint.id();
        boolean retry = request.updateId() != null && complaint.resolution() != null
                && request.updateId().equals(complaint.resolution().updateId());
        switch (action) {
            case UPDATE -> {
                if (complaint.acknowledgement() == null) {
                    throw new AckException(Reason.NOT_ACKNOWLEDGED, "complaint " + id + " is not acknowledged yet: acknowledge it first", null);
                }
            }
            case RESOLVE -> {
                if (complaint.resolved() && !retry) {
                    throw new AckException(Reason.ALREADY_RESOLVED, "complaint " + id + " was resolved by "
                            + (complaint.resolution().by() != null ? complaint.resolution().by() : "an agent") + " at "
                            + complaint.resolution().at() + ": reopen it first", null);
                }
            }
            case REOPEN -> {
                if (!complaint.resolved() && !retry) {
                    throw new AckException(Reason.NOT_RESOLVED, "complaint " + id + " is not resolved: only a resolved complaint is reopened", null);
                }
            }
            case WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY, RESUME -> {
                if (action == UpdateAction.RESUME && complaint.acknowledgement() == null) {
                    throw new AckException(Reason.NOT_ACKNOWLEDGED, "complaint " + id + " is not acknowledged yet: nothing is on hold", null);
                }
                if (complaint.resolved()) {
                    throw new AckException(Reason.ALREADY_RESOLVED, "complaint " + id + " is resolved: a resolved complaint waits on nobody"
                            + " (reopen it first)", null);
                }
            }
            default -> throw new IllegalArgumentException("no such action " + action);
        }
    }

    private static String noun(UpdateAction action) {
        return switch (action) {
            case RESOLVE -> "resolution";
            case REOPEN -> "reopening";
            case WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY -> "wait";
            case RESUME -> "resumption";
            default -> "update";
        };
    }
}
