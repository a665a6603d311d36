package dev.heed.responder.ack;

import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.responder.ack.AckException.Reason;
import dev.heed.responder.ack.ComplaintDirectory.KnownComplaint;
import dev.heed.runtime.auth.Principal;
import java.time.Clock;
import java.util.UUID;

/**
 * Takes agents' actions on known problems and writes them to problems.updated, keyed by the problem id, where routing
 * keeps each problem's links and sends every linked complaint the problem's resolution once ({@code problem-links}).
 *
 * <ul>
 *   <li>A link names a complaint this responder knows ({@link Reason#UNKNOWN_COMPLAINT} otherwise) and that is not
 *       resolved ({@link Reason#ALREADY_RESOLVED}: its customer was told already; linking it would tell them nothing).</li>
 *   <li>An unlink and a resolution check nothing here: routing holds the problem, applies the first resolution and
 *       ignores the rest, and an unlink after the fix changes nothing (the customers were told).</li>
 * </ul>
 *
 * <p>Every request that passes is written. A client that retries passes its own {@code eventId}, and routing applies an
 * event id once. Whether a linked complaint is still open when the fix reaches it is routing's decision too: one resolved
 * in between is skipped, so its customer is never told twice.
 */
public final class ProblemDesk {
    private final ComplaintDirectory directory;
    private final ProblemWriter writer;
    private final Clock clock;

    public ProblemDesk(ComplaintDirectory directory, ProblemWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    public ProblemUpdated link(String problemId, Principal who, ProblemRequest request) throws AckException {
        KnownComplaint complaint = directory.find(request.complaintId())
                .orElseThrow(() -> new AckException(Reason.UNKNOWN_COMPLAINT, "no complaint " + request.complaintId(), null));
        String agent = Acknowledger.agent(who, request.agent());
        if (complaint.resolved()) {
            throw new AckException(Reason.ALREADY_RESOLVED, "complaint " + complaint.id() + " is resolved already: its customer was told, "
                    + "and a problem's fix would not reach them again", null);
        }
        return write(ProblemAction.LINK, problemId, agent, who, request);
    }

    public ProblemUpdated unlink(String problemId, Principal who, ProblemRequest request) throws AckException {
        return write(ProblemAction.UNLINK, problemId, Acknowledger.agent(who, request.agent()), who, request);
    }

    public ProblemUpdated resolve(String problemId, Principal who, ProblemRequest request) throws AckException {
        return write(ProblemAction.RESOLVE, problemId, Acknowledger.agent(who, request.agent()), who, request);
    }

    private ProblemUpdated write(ProblemAction action, String problemId, String agent, Principal who, ProblemRequest request)
            throws AckException {
        ProblemUpdated event = ProblemUpdated.newBuilder()
                .setProblemId(problemId)
                .setEventId(request.eventId() != null ? request.eventId() : "prb_" + UUID.randomUUID().toString().replace("-", ""))
                .setAt(clock.instant())
                .setAgent(agent)
                .setTeam(who.kind() == Principal.Kind.TEAM ? who.name() : null)
                .setAction(action)
                .setComplaintId(action == ProblemAction.RESOLVE ? null : request.complaintId())
                .setMessage(action == ProblemAction.RESOLVE ? request.message() : null)
                .build();
        try {
            writer.write(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AckException(Reason.UNAVAILABLE, "interrupted while writing the problem's " + action, e);
        } catch (Exception e) {
            throw new AckException(Reason.UNAVAILABLE, "cannot write the problem's " + action + ": " + e.getMessage(), e);
        }
        return event;
    }
}
