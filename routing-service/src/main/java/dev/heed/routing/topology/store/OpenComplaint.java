package dev.heed.routing.topology.store;

import dev.heed.events.Severity;
import dev.heed.routing.sla.SlaClock;
import java.util.Objects;

/**
 * What the SLA processor keeps per open complaint: its clock plus the few facts every response-due event
 * repeats, so a punctuation never has to look anything else up.
 */
public record OpenComplaint(SlaClock clock, Severity severity, String queue, String traceId) {
    public OpenComplaint {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(queue, "queue");
    }

    public String id() {
        return clock.complaintId();
    }

    public OpenComplaint withClock(SlaClock next) {
        return new OpenComplaint(next, severity, queue, traceId);
    }
}
