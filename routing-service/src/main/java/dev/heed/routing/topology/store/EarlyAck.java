package dev.heed.routing.topology.store;

import dev.heed.events.ComplaintAcknowledged;
import java.time.Instant;

/**
 * Who acknowledged a complaint and when: all the SLA processor needs to close a clock, or to refuse to start
 * one for a complaint acknowledged before its escalation arrived ({@link EarlyAcks} stores it).
 */
public record EarlyAck(Instant at, String agent) {

    public static EarlyAck of(ComplaintAcknowledged ack) {
        return new EarlyAck(ack.getAcknowledgedAt(), ack.getAgent());
    }
}
