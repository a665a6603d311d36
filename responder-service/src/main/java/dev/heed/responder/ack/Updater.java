package dev.heed.responder.ack;

import dev.heed.events.ComplaintUpdated;
import dev.heed.responder.ack.AckException.Reason;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.runtime.auth.Principal;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes an agent's update to the customer of an acknowledged complaint and writes it to complaints.updated, where
 * routing's promise ledger keeps, replaces or makes promises from it. Only acknowledged complaints take updates: routing
 * tracks promises from the acknowledgement on, and an update before it would be ignored there.
 *
 * <p>Not idempotent by itself: every request is written. A client that retries passes its own {@code updateId}, and
 * routing applies an update id once when it is the last one applied. The message reaches the customer from
 * complaints.updated, through the responder's consumer ({@code Responses}), once per update id.
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
        KnownComplaint complaint = directory.find(complaintId)
                .orElseThrow(() -> new AckException(Reason.UNKNOWN_COMPLAINT, "no complaint " + complaintId, null));
        String agent = Acknowledger.agent(who, request.agent());
        if (complaint.acknowledgement() == null) {
            throw new AckException(Reason.NOT_ACKNOWLEDGED, "complaint " + complaintId + " is not acknowledged yet: acknowledge it first", null);
        }
        ComplaintUpdated update = ComplaintUpdated.newBuilder()
                .setComplaintId(complaintId)
                .setUpdateId(request.updateId() != null ? request.updateId() : "upd_" + UUID.randomUUID().toString().replace("-", ""))
                .setUpdatedAt(clock.instant())
                .setAgent(agent)
                .setTeam(who.kind() == Principal.Kind.TEAM ? who.name() : null)
                .setMessage(request.message())
                .setNextUpdateBy(request.nextUpdateBy())
                .setDelay(request.delay())
                .build();
        try {
            writer.write(update);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AckException(Reason.UNAVAILABLE, "interrupted while writing the update", e);
        } catch (Exception e) {
            throw new AckException(Reason.UNAVAILABLE, "cannot write the update: " + e.getMessage(), e);
        }
        return update;
    }
}
