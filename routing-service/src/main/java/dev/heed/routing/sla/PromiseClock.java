package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The clock of one promised update: an agent told the customer "you will hear from us by {@code promisedAt}". An
 * immutable value with pure functions for its due points, like {@link SlaClock}.
 *
 * <p>Points, numbered from 1 within the promise: one warning when three quarters of the time from the promise to the
 * promised time have passed ({@link #WARN_AT}: a quarter of the span is left to write the update), left out when the
 * span is too short to put a warning before the promised time; the promise broken at {@code promisedAt} exactly; then
 * repeats every {@code policy.repeatEvery()}, climbing one {@link Level} after every {@code policy.remindersPerLevel()}
 * points from the broken one on, as the first-response clock climbs after its breach. The promised time and the
 * warning are absolute instants (the agent named a time, not an amount of business time); the repeats are counted in
 * the policy's calendar, as the first-response repeats are. There is no last point: a promise ends when it is kept or
 * replaced, which is the caller's business ({@link PromiseLedger}).
 *
 * @param complaintId  the complaint
 * @param policy       the complaint's policy (kept from its first-response clock): repeats, climbing and calendar
 * @param madeAt       when the promise was made (the acknowledgement's or update's own time)
 * @param promisedAt   the promised update time
 * @param numberBefore the complaint's due points emitted before this promise: point {@code n} of this clock goes out as
 *                     the complaint's reminder number {@code numberBefore + n}, so every response-due of a complaint has
 *                     its own number (the responder keys its notifications by it)
 * @param sent         how many points of this promise have been emitted
 * @param level        the level of the last emitted point (AGENT before any)
 * @param lastDueAt    when the last emitted point fell due, null before any; the next repeat counts from it
 */
public record PromiseClock(String complaintId, SlaPolicy policy, Instant madeAt, Instant promisedAt, int numberBefore, int sent,
                           Level level, Instant lastDueAt) {

    /** The warning falls when this fraction of the time from the promise to the promised time has passed. */
    public static final double WARN_AT = 0.75;

    public PromiseClock {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(promisedAt, "promisedAt");
        Objects.requireNonNull(level, "level");
        if (numberBefore < 0 || sent < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + numberBefore + ", " + sent);
        }
    }

    /** A new promise, nothing emitted yet. Times are kept to the millisecond, as the events carry them. */
    public static PromiseClock start(String complaintId, SlaPolicy policy, Instant madeAt, Instant promisedAt, int numberBefore) {
        return new PromiseClock(complaintId, policy, madeAt.truncatedTo(ChronoUnit.MILLIS), promisedAt.truncatedTo(ChronoUnit.MILLIS),
                numberBefore, 0, Level.AGENT, null);
    }

    /** The warning point, or null when the promise leaves no room for one before the promised time. */
    public Instant warningAt() {
        long span = Duration.between(madeAt, promisedAt).toMillis();
        Instant at = madeAt.plusMillis(Math.round(span * WARN_AT));
        return at.isAfter(madeAt) && at.isBefore(promisedAt) ? at : null;
    }

    private int warnings() {
        return warningAt() == null ? 0 : 1;
    }

    /** When point {@code n} (from 1) of this promise falls due. */
    public Instant dueAt(int n) {
        int warnings = warnings();
        if (n <= warnings) {
            return warningAt();
        }
        return policy.calendar().plus(promisedAt, policy.repeatEvery().multipliedBy((long) n - warnings - 1));
    }

    /** When the next point falls due; one repeat after the last one once broken, at the same cost however old. */
    public Instant nextDueAt() {
        if (lastDueAt != null && sent > warnings()) {
            return policy.calendar().plus(lastDueAt, policy.repeatEvery());
        }
        return dueAt(sent + 1);
    }

    /** Whether the promise-broken point has been emitted: an update now comes too late to keep it. */
    public boolean broken() {
        return sent > warnings();
    }

    /** The event for point {@code n} of this promise. */
    public DueEvent eventFor(int n) {
        int warnings = warnings();
        DueStage kind = n <= warnings ? DueStage.PROMISE_WARNING : n == warnings + 1 ? DueStage.PROMISE_BROKEN : DueStage.PROMISE_REPEAT;
        int sinceBroken = Math.max(0, n - warnings - 1);
        Level levelAt = kind == DueStage.PROMISE_WARNING ? Level.AGENT : Level.afterClimbs(sinceBroken / policy.remindersPerLevel());
        return new DueEvent(complaintId, kind, n == sent + 1 ? nextDueAt() : dueAt(n), promisedAt, numberBefore + n, levelAt);
    }

    private PromiseClock after(DueEvent emitted) {
        return new PromiseClock(complaintId, policy, madeAt, promisedAt, numberBefore, emitted.reminderNumber() - numberBefore,
                emitted.level(), emitted.dueAt());
    }

    /** Every point up to and including {@code now}, each once, and the clock after them (as {@link SlaClock#catchUp}). */
    public CatchUp catchUp(Instant now) {
        List<DueEvent> events = new ArrayList<>();
        PromiseClock clock = this;
        DueEvent next = eventFor(sent + 1);
        while (!next.dueAt().isAfter(now)) {
            events.add(next);
            clock = clock.after(next);
            next = clock.eventFor(clock.sent + 1);
        }
        return new CatchUp(events, clock);
    }

    /** The result of {@link #catchUp}: the events to emit, in order, and the clock to keep. */
    public record CatchUp(List<DueEvent> events, PromiseClock clock) {
        public CatchUp {
            events = List.copyOf(events);
        }
    }
}
