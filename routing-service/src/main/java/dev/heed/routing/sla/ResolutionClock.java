package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The resolution clock of one complaint: from its escalation until an agent resolves it, and afresh from each reopening
 * until it is resolved again. An immutable value with pure functions, like {@link SlaClock}, whose arithmetic it reuses:
 * the current run is an {@link SlaClock} on the policy's {@linkplain SlaPolicy#resolutionPolicy() resolution target}
 * (warnings, breach, repeats climbing levels, in the policy's calendar), its points named {@code RESOLUTION_WARNING},
 * {@code RESOLUTION_BREACH} and {@code RESOLUTION_REPEAT}.
 *
 * <p>Numbering: every response-due of a complaint has its own number (the responder names its agent notifications by
 * it), and the resolution clock runs beside the first-response and promise clocks, which number their points by their
 * own counts. So a resolution point goes out as number {@code otherPoints + pointsSent()}, where {@code otherPoints} are
 * the points the other clocks have emitted so far, and the other clocks' points go out with this clock's
 * {@link #pointsSent()} added. Each emitted point raises exactly one of the counts by one, so the sum, the point's
 * number, rises by one with every point, whichever clock emits it.
 *
 * <p>Pausing: while its complaint is on hold ({@link Pause}) a running clock emits nothing and has no due time. Resumed,
 * its run moves later by the business time of the pause, in the policy's calendar, so every point not yet emitted falls
 * due exactly that much business time later: what was left of the target when it paused is left when it resumes. A
 * pause over a closed weekend moves nothing for the weekend, only for the open hours in it.
 *
 * @param run             the current run (the last one once resolved): an {@link SlaClock} on the resolution policy
 * @param running         false once resolved, true again after a reopening
 * @param earlierPoints   points emitted by runs before the current one
 * @param earlierBreaches runs before the current one whose target was breached
 * @param pausedSince     when the running clock was paused, null while it is not
 */
public record ResolutionClock(SlaClock run, boolean running, int earlierPoints, int earlierBreaches, Instant pausedSince) {

    public ResolutionClock {
        Objects.requireNonNull(run, "run");
        if (earlierPoints < 0 || earlierBreaches < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + earlierPoints + ", " + earlierBreaches);
        }
        if (pausedSince != null && !running) {
            throw new IllegalArgumentException("only a running clock can be paused");
        }
    }

    /** A clock that is not paused. */
    public ResolutionClock(SlaClock run, boolean running, int earlierPoints, int earlierBreaches) {
        this(run, running, earlierPoints, earlierBreaches, null);
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /**
     * The clock of a complaint under {@code policy}, started at {@code startedAt} (its escalation); null when the policy
     * has no resolution target.
     */
    public static ResolutionClock start(String complaintId, SlaPolicy policy, Instant startedAt) {
        SlaPolicy target = policy.resolutionPolicy();
        return target == null ? null : new ResolutionClock(SlaClock.start(complaintId, target, startedAt), true, 0, 0);
    }

    public String complaintId() {
        return run.complaintId();
    }

    /** Points emitted by every run so far. */
    public int pointsSent() {
        return earlierPoints + run.remindersSent();
    }

    /** Whether the current run's target (the last run's, once resolved) was breached: its breach point went out. */
    public boolean breached() {
        return run.status() == ClockStatus.BREACHED;
    }

    /** Runs whose target was breached, the current one included. */
    public int breaches() {
        return earlierBreaches + (breached() ? 1 : 0);
    }

    /** When the running clock's resolution is due; null once resolved and while paused (it is not known until it resumes). */
    public Instant dueAt() {
        return running && !paused() ? run.breachAt() : null;
    }

    /** When the running clock's next point falls due; null once resolved and while paused. */
    public Instant nextDueAt() {
        return running && !paused() ? run.nextDueAt() : null;
    }

    /** When the last point of any run was emitted, null before any (kept across a reopening). */
    public Instant lastReminderAt() {
        return run.lastReminderAt();
    }

    /**
     * Every point of the running clock due at or before {@code horizon}, each once, numbered after {@code otherPoints}
     * (the other clocks' points so far), and the clock after them. Nothing once resolved.
     */
    public Step catchUp(Instant horizon, int otherPoints) {
        if (!running || paused()) {
            return new Step(List.of(), this);
        }
        SlaClock.CatchUp step = run.catchUp(horizon);
        List<DueEvent> events = step.events().stream()
                .map(e -> new DueEvent(e.complaintId(), e.kind().ofResolution(), e.dueAt(), e.breachAt(),
                        otherPoints + earlierPoints + e.reminderNumber(), e.level()))
                .toList();
        return new Step(events, new ResolutionClock(step.clock(), true, earlierPoints, earlierBreaches));
    }

    /**
     * Resolved at {@code resolvedAt} (the update's own time; counted no later than {@code now}): the points due before it
     * were owed and are returned first; one at the resolution's own millisecond is not, since a resolution at the due
     * time is in time. Then the clock stops. Resolving a stopped clock changes nothing.
     */
    public Step resolve(Instant resolvedAt, Instant now, int otherPoints) {
        if (!running) {
            return new Step(List.of(), this);
        }
        if (paused()) {
            // Nothing fell due while paused: the points before the pause went out when it began.
            return new Step(List.of(), new ResolutionClock(run, false, earlierPoints, earlierBreaches, null));
        }
        Instant until = resolvedAt.minusMillis(1);
        Step owed = catchUp(until.isAfter(now) ? now : until, otherPoints);
        return new Step(owed.events(), new ResolutionClock(owed.clock().run, false, earlierPoints, earlierBreaches));
    }

    /**
     * Reopened at {@code reopenedAt}: a fresh run of the whole target from then, the earlier runs' points and breach
     * counted. Reopening a running clock changes nothing.
     */
    public ResolutionClock reopen(Instant reopenedAt) {
        if (running) {
            return this;
        }
        // The last point's emission time is kept: the state's lastReminderAt must not go back to an earlier clock's point.
        SlaClock fresh = new SlaClock(complaintId(), run.policy(), reopenedAt.truncatedTo(ChronoUnit.MILLIS), 0, Level.AGENT,
                run.lastReminderAt(), null);
        return new ResolutionClock(fresh, true, pointsSent(), breaches());
    }

    /**
     * Paused at {@code pausedAt} (the waiting update's own time; counted no later than {@code now}): the points due before it
     * were owed and are returned first, as at a resolution; then the clock emits nothing until {@link #resume}. Pausing a
     * paused or stopped clock changes nothing.
     */
    public Step pause(Instant pausedAt, Instant now, int otherPoints) {
        if (!running || paused()) {
            return new Step(List.of(), this);
        }
        Instant at = pausedAt.isAfter(now) ? now : pausedAt;
        Step owed = catchUp(at.minusMillis(1), otherPoints);
        ResolutionClock clock = owed.clock();
        return new Step(owed.events(), new ResolutionClock(clock.run, true, earlierPoints, earlierBreaches, at.truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * Resumed at {@code resumedAt} (no earlier than the pause began): the run moves later by the business time between the
     * two, in the policy's calendar, so each point not yet emitted falls due that much business time later. Resuming a
     * clock that is not paused changes nothing.
     */
    public ResolutionClock resume(Instant resumedAt) {
        if (!paused()) {
            return this;
        }
        Instant at = resumedAt.isBefore(pausedSince) ? pausedSince : resumedAt;
        BusinessCalendar calendar = run.policy().calendar();
        Duration held = calendar.between(pausedSince, at.truncatedTo(ChronoUnit.MILLIS));
        if (held.isZero()) {
            return new ResolutionClock(run, true, earlierPoints, earlierBreaches, null);
        }
        // Business time adds up, so moving the start (and the last point, from which the next repeat counts) by the held
        // business time moves every later point by exactly that much.
        SlaClock moved = new SlaClock(run.complaintId(), run.policy(), calendar.plus(run.startedAt(), held), run.remindersSent(),
                run.level(), run.lastReminderAt(), run.lastDueAt() == null ? null : calendar.plus(run.lastDueAt(), held));
        return new ResolutionClock(moved, true, earlierPoints, earlierBreaches, null);
    }

    /** The points to emit, in order, and the clock to keep. */
    public record Step(List<DueEvent> events, ResolutionClock clock) {
        public Step {
            events = List.copyOf(events);
        }
    }
}
