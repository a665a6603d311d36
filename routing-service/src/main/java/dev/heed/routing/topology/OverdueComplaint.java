package dev.heed.routing.topology;

import dev.heed.routing.topology.store.OpenComplaint;
import java.time.Instant;

/** One open complaint past its breach, as the overdue listing shows it. */
public record OverdueComplaint(String complaintId, String severity, String queue, String level, String policy,
                               Instant breachAt, long overdueByMillis, int remindersSent) {

    static OverdueComplaint of(OpenComplaint open, Instant now) {
        var clock = open.clock();
        return new OverdueComplaint(open.id(), open.severity().name(), open.queue(), clock.level().name(),
                clock.policy().name() + "@" + clock.policy().version(), clock.breachAt(), clock.overdueBy(now).toMillis(),
                clock.remindersSent());
    }
}
