package dev.heed.routing.topology.store;

import dev.heed.events.ComplaintAcknowledged;
import java.time.Instant;

/**
 * Who acknowledged a complaint and when: all the SLA processor needs to close a clock, or to refuse to start
 * one for a complaint acknowledged before its escalation arrived ({@link EarlyAcks} stores it); and, so that such an
 * early acknowledgement still keeps its promise, its id and the update it promised.
 *
 * @param acknowledgementId the acknowledgement's id, null when not known (kept before it was stored, or in the
 *                          acknowledged complaint, whose ledger holds it)
 * @param nextUpdateBy      the update the acknowledgement promised, null when none (or not known)
 */
public record EarlyAck(Instant at, String agent, String acknowledgementId, Instant nextUpdateBy) {

    /** Who and when only. */
    public EarlyAck(Instant at, String agent) {
        this(at, agent, null, null);
    }

    public static EarlyAck of(ComplaintAcknowledged ack) {
        return new EarlyAck(ack.getAcknowledgedAt(), ack.getAgent(), ack.getAcknowledgementId(), ack.getNextUpdateBy());
    }
}
