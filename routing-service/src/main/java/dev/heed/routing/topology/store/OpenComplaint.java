package dev.heed.routing.topology.store;

import dev.heed.events.Severity;
import dev.heed.routing.sla.SlaClock;
import java.time.Instant;
import java.util.Objects;

/**
 * What the SLA processor keeps per open complaint: its clock plus the few facts every event of the complaint
 * repeats, so a punctuation never has to look anything else up. {@code escalatedAt} is when routing escalated it
 * (its wall clock then); the clock itself runs from when the feedback was accepted ({@link SlaClock#startedAt()}).
 */
public record OpenComplaint(SlaClock clock, Instant escalatedAt, Severity severity, String queue, String traceId) {
    public OpenComplaint {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(queue, "queue");
    }

    public String id() {
        return clock.complaintId();
    }

    public OpenComplaint withClock(SlaClock next) {
        return new OpenComplaint(next, escalatedAt, severity, queue, traceId);
    }
}
