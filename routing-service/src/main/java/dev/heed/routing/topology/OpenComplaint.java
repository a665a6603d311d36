package dev.heed.routing.topology;

import dev.heed.events.Severity;
import dev.heed.routing.sla.SlaClock;
import java.util.Objects;

/**
 * What the SLA processor keeps per open complaint: its clock plus the few facts every response-due event
 * repeats, so a punctuation never has to look anything else up.
 */
record OpenComplaint(SlaClock clock, Severity severity, String queue, String traceId) {
    OpenComplaint {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(queue, "queue");
    }

    String id() {
        return clock.complaintId();
    }

    OpenComplaint withClock(SlaClock next) {
        return new OpenComplaint(next, severity, queue, traceId);
    }
}
