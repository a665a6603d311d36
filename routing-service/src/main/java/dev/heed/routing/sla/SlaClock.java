package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clock of one unacknowledged complaint: an immutable value with pure functions for its due points.
 *
 * <p>Due points are numbered from 1: the warnings first, then the breach, then repeats forever, each counted in
 * the policy's business time (so a breach due after hours falls due when the calendar opens again). There is no
 * last point: a clock only ends when its complaint is acknowledged, which is the caller's business. Times are
 * kept to the millisecond because that is what the events carry.
 *
 * @param complaintId    the complaint
 * @param policy         the policy the clock started with, kept whole so later policy versions do not touch it
 * @param startedAt      when the clock started: when Heed accepted the feedback (its {@code receivedAt}), since the
 *                       promise to the customer runs from then; not when routing escalated it
 * @param remindersSent  how many due points have been emitted
 * @param level          the level of the last emitted point (AGENT before any)
 * @param lastReminderAt when the last due point was emitted, null before any
 * @param lastDueAt      when the last emitted due point fell due, null before any or when not known (a clock stored
 *                       before it was kept): the next repeat counts from it, so a clock's cost does not grow with
 *                       its age under a business calendar, whose arithmetic walks the days it spans
 */
public record SlaClock(String complaintId, SlaPolicy policy, Instant startedAt, int remindersSent, Level level,
                       Instant lastReminderAt, Instant lastDueAt) {

    public SlaClock {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(level, "level");
    }

    /** A clock whose last due point is not known: the next one is counted from the start. */
    public SlaClock(String complaintId, SlaPolicy policy, Instant startedAt, int remindersSent, Level level, Instant lastReminderAt) {
        this(complaintId, policy, startedAt, remindersSent, level, lastReminderAt, null);
    }

    /** A new clock, nothing emitted yet. */
    public static SlaClock start(String complaintId, SlaPolicy policy, Instant startedAt) {
        return new SlaClock(complaintId, policy, startedAt.truncatedTo(ChronoUnit.MILLIS), 0, Level.AGENT, null, null);
    }

    /** When the first-response promise is broken: the target in the policy's business time after the start. */
    public Instant breachAt() {
        return policy.calendar().plus(startedAt, policy.firstResponse());
    }

    /** The warning points, earliest first. */
    public List<Instant> warningsAt() {
        List<Instant> warnings = new ArrayList<>();
        for (int n = 1; n <= policy.warningFractions().size(); n++) {
            warnings.add(dueAt(n));
        }
        return warnings;
    }

    /** When due point {@code n} (from 1) falls due. */
    public Instant dueAt(int n) {
        int warnings = policy.warningFractions().size();
        if (n <= warnings) {
            double fraction = policy.warningFractions().get(n - 1);
            return policy.calendar().plus(startedAt, Duration.ofMillis(Math.round(policy.firstResponse().toMillis() * fraction)));
        }
        return policy.calendar().plus(breachAt(), policy.repeatEvery().multipliedBy((long) n - warnings - 1));
    }

    /**
     * When the next point falls due; always defined while the clock runs. After the breach it is one repeat after
     * the last point ({@link #dueAt} of the same number, since business time adds up), which costs the same
     * however long the clock has run.
     */
    public Instant nextDueAt() {
        if (lastDueAt != null && remindersSent > policy.warningFractions().size()) {
            return policy.calendar().plus(lastDueAt, policy.repeatEvery());
        }
        return dueAt(remindersSent + 1);
    }

    /** Status as the complaint's state reports it. */
    public ClockStatus status() {
        if (remindersSent == 0) {
            return ClockStatus.OPEN;
        }
        return remindersSent <= policy.warningFractions().size() ? ClockStatus.WARNED : ClockStatus.BREACHED;
    }

    /** The event for due point {@code n}. */
    public DueEvent eventFor(int n) {
        int warnings = policy.warningFractions().size();
        DueStage kind = n <= warnings ? DueStage.WARNING : n == warnings + 1 ? DueStage.BREACH : DueStage.REPEAT;
        int sinceBreach = Math.max(0, n - warnings - 1);
        Level levelAt = kind == DueStage.WARNING ? Level.AGENT : Level.afterClimbs(sinceBreach / policy.remindersPerLevel());
        return new DueEvent(complaintId, kind, n == remindersSent + 1 ? nextDueAt() : dueAt(n), breachAt(), n, levelAt);
    }

    /** The clock after the next due point has been emitted at {@code emittedAt}. */
    public SlaClock afterEmitting(Instant emittedAt) {
        return after(eventFor(remindersSent + 1), emittedAt);
    }

    private SlaClock after(DueEvent emitted, Instant emittedAt) {
        return new SlaClock(complaintId, policy, startedAt, emitted.reminderNumber(), emitted.level(), emittedAt, emitted.dueAt());
    }

    /**
     * Every due point up to and including {@code now}, each once, and the clock after them. Counting due
     * points rather than ticks is what makes a skipped or late punctuation lose nothing.
     */
    public CatchUp catchUp(Instant now) {
        List<DueEvent> events = new ArrayList<>();
        SlaClock clock = this;
        DueEvent next = eventFor(remindersSent + 1);
        while (!next.dueAt().isAfter(now)) {
            events.add(next);
            clock = clock.after(next, now);
            next = clock.eventFor(clock.remindersSent + 1);
        }
        return new CatchUp(events, clock);
    }

    /** The result of {@link #catchUp}: the events to emit, in order, and the clock to keep. */
    public record CatchUp(List<DueEvent> events, SlaClock clock) {
        public CatchUp {
            events = List.copyOf(events);
        }
    }

    /** How long past the breach the clock is at {@code now}; zero before it. */
    public Duration overdueBy(Instant now) {
        return now.isAfter(breachAt()) ? Duration.between(breachAt(), now) : Duration.ZERO;
    }
}
