package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One response-due point of a clock: what it is, when it was due, and who is reminded.
 *
 * @param complaintId    the complaint
 * @param kind           warning, breach or repeat
 * @param dueAt          when this point falls due
 * @param breachAt       when the first-response promise is (or was) broken
 * @param reminderNumber 1 for the first due point of the clock, counting every point emitted
 * @param level          who is reminded at this point
 */
public record DueEvent(String complaintId, DueStage kind, Instant dueAt, Instant breachAt, int reminderNumber,
                       Level level) {

    /** How long past the breach this event is seen at {@code now}; zero before the breach. */
    public Duration overdueBy(Instant now) {
        return now.isAfter(breachAt) ? Duration.between(breachAt, now) : Duration.ZERO;
    }
}
