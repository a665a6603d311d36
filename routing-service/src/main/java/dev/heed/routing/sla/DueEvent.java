package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One response-due point of a clock: what it is, when it was due, and who is reminded.
 *
 * @param complaintId    the complaint
 * @param kind           warning, breach or repeat, of the first response, a promise or the resolution
 * @param dueAt          when this point falls due
 * @param breachAt       when the clock's promise is (or was) broken: the first response's breach, the promised time, the
 *                       resolution's due time
 * @param reminderNumber 1 for the first due point of the clock, counting every point emitted
 * @param level          who is reminded at this point
 */
public record DueEvent(String complaintId, DueStage kind, Instant dueAt, Instant breachAt, int reminderNumber,
                       Level level) {

    /** The same point going out as the complaint's reminder number {@code number}. */
    public DueEvent renumbered(int number) {
        return new DueEvent(complaintId, kind, dueAt, breachAt, number, level);
    }

    /** How long past the breach this event is seen at {@code now}; zero before the breach. */
    public Duration overdueBy(Instant now) {
        return now.isAfter(breachAt) ? Duration.between(breachAt, now) : Duration.ZERO;
    }
}
