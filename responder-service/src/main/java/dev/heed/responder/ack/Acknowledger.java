package dev.heed.responder.ack;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.responder.ack.AckException.Reason;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.runtime.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes an agent's acknowledgement of a complaint. Idempotent: a complaint is acknowledged once; every later
 * request (a retry, a colleague, a second click) gets the first acknowledgement back and writes nothing, once it
 * passed the same checks as the first (an agent token naming another agent is refused either way).
 * The acknowledgement id is derived from the complaint, so even two instances racing write the same id and
 * the routing-service stops the clock once.
 */
public final class Acknowledger {
    private final ComplaintDirectory directory;
    private final AckWriter writer;
    private final Clock clock;

    public Acknowledger(ComplaintDirectory directory, AckWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    /** The outcome: the acknowledgement in force, and whether this request created it. */
    public record Result(ComplaintAcknowledged acknowledgement, boolean created) {}

    public synchronized Result acknowledge(String complaintId, Principal who, AckRequest request) throws AckException {
        KnownComplaint complaint = directory.find(complaintId)
                .orElseThrow(() -> new AckException(Reason.UNKNOWN_COMPLAINT, "no complaint " + complaintId, null));
        // The request is judged before the idempotent answer: whether a token may act for an agent does not
        // depend on whether someone was quicker, and a 200 must not tell an impostor who acknowledged.
        String agent = agent(who, request.agent());
        if (complaint.acknowledgement() != null) {
            return new Result(complaint.acknowledgement(), false);
        }
        ComplaintAcknowledged ack = ComplaintAcknowledged.newBuilder()
                .setComplaintId(complaintId)
                .setAcknowledgementId(acknowledgementId(complaintId))
                .setAcknowledgedAt(clock.instant())
                .setAgent(agent)
                .setTeam(who.kind() == Principal.Kind.TEAM ? who.name() : null)
                .setSource(request.source())
                .setNote(request.note())
                .setNextUpdateBy(request.nextUpdateBy())
                .build();
        try {
            writer.write(ack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AckException(Reason.UNAVAILABLE, "interrupted while writing the acknowledgement", e);
        } catch (Exception e) {
            throw new AckException(Reason.UNAVAILABLE, "cannot write the acknowledgement: " + e.getMessage(), e);
        }
        directory.acknowledged(ack);
        return new Result(ack, true);
    }

    static String acknowledgementId(String complaintId) {
        return "ack_" + UUID.nameUUIDFromBytes(("ack|" + complaintId).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /** The agent acting: the token's own for an agent token (which may not name another), the one named for a team token. */
    static String agent(Principal who, String requested) throws AckException {
        if (who.kind() == Principal.Kind.AGENT) {
            if (requested != null && !requested.equals(who.name())) {
                throw new AckException(Reason.FORBIDDEN, "this token acknowledges as " + who.name() + " only", null);
            }
            return who.name();
        }
        if (requested == null) {
            throw new AckException(Reason.AGENT_REQUIRED, "a team token must name the agent", null);
        }
        return requested;
    }
}
