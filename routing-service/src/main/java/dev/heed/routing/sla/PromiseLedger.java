package dev.heed.routing.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The promises of one acknowledged complaint: how many were made, kept, replaced and broken, and the clock of the open
 * one, if any. An immutable value; every change returns the due points it emitted on the way and the ledger after it.
 *
 * <ul>
 *   <li>A promise is <em>made</em> by an acknowledgement or update that carries a {@code nextUpdateBy}.</li>
 *   <li>It is <em>kept</em> by an update before it was broken; an update that promises again keeps the old promise and
 *       makes a new one.</li>
 *   <li>It is <em>replaced</em> before it was broken by an update marked as a delay ("it will take longer, now by X"),
 *       or by a later acknowledgement with a new {@code nextUpdateBy}: the customer was told, honestly, of a new time.</li>
 *   <li>It is <em>broken</em> when its promise-broken point is emitted. An update after that ends the promise's
 *       reminders but does not count as kept.</li>
 * </ul>
 *
 * <p>Before an acknowledgement or update is applied, the open promise's points due up to that event's own time (never
 * later than routing's clock) are emitted: they were owed, as the first-response clock's are at an acknowledgement. So
 * a promise whose time passed before the update was given is broken, even when routing had not punctuated yet, and an
 * update given in time keeps its promise even when routing reads it after the promised time.
 *
 * @param complaintId    the complaint
 * @param made           promises made
 * @param kept           promises kept
 * @param replaced       promises replaced before they were broken
 * @param broken         promises broken
 * @param open           the open promise's clock, null when none is open
 * @param pointsSent     the complaint's response-due points so far, first response and promises together
 * @param level          the level of the complaint's last point
 * @param lastReminderAt when the complaint's last point was emitted, null before any
 * @param appliedIds     the ids of the last {@value #REMEMBERED} acknowledgements and updates applied, oldest first: any
 *                       of them again is a retry (also one retried after a later update was given)
 */
public record PromiseLedger(String complaintId, int made, int kept, int replaced, int broken, PromiseClock open, int pointsSent, Level level,
                            Instant lastReminderAt, List<String> appliedIds) {

    /** How many applied ids are kept: a retry comes within seconds, a few events at most after its first attempt. */
    public static final int REMEMBERED = 8;

    public PromiseLedger {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(level, "level");
        appliedIds = appliedIds == null ? List.of() : List.copyOf(appliedIds);
    }

    /** The ledger of a complaint whose first-response clock stopped after {@code clock}'s points: nothing promised yet. */
    public static PromiseLedger after(SlaClock clock, String acknowledgementId) {
        return new PromiseLedger(clock.complaintId(), 0, 0, 0, 0, null, clock.remindersSent(), clock.level(), clock.lastReminderAt(),
                acknowledgementId == null ? List.of() : List.of(acknowledgementId));
    }

    /** The id of the last acknowledgement or update applied, null when none is known. */
    public String lastEventId() {
        return appliedIds.isEmpty() ? null : appliedIds.get(appliedIds.size() - 1);
    }

    /** Whether the event with this id was applied (among the last {@value #REMEMBERED}): a retry, to be ignored. */
    public boolean applied(String eventId) {
        return eventId != null && appliedIds.contains(eventId);
    }

    /** The promised time of the open promise, null when none is open. */
    public Instant promisedAt() {
        return open == null ? null : open.promisedAt();
    }

    /**
     * An acknowledgement (of an acknowledged complaint, or the one that stopped its clock) promising an update by
     * {@code promisedAt}: a new promise, replacing the open one unless it was broken.
     *
     * @param madeAt the acknowledgement's own time
     * @param now    routing's clock, when the acknowledgement is applied
     */
    public Step promise(String eventId, SlaPolicy policy, Instant madeAt, Instant promisedAt, Instant now) {
        Step owed = catchUp(earlier(madeAt, now), now);
        PromiseLedger ledger = owed.ledger();
        int replacedNow = ledger.open != null && !ledger.open.broken() ? 1 : 0;
        return owed.with(ledger.next(eventId, 0, replacedNow).promising(policy, madeAt, promisedAt));
    }

    /**
     * An update given to the customer at {@code updatedAt}: keeps the open promise (or, as a {@code delay} with a new
     * time, replaces it) unless it was broken, and makes a new one when {@code nextUpdateBy} is given.
     */
    public Step update(String eventId, SlaPolicy policy, Instant updatedAt, Instant nextUpdateBy, boolean delay, Instant now) {
        // Owed are the points due before the update: one given at the promised time itself keeps the promise ("at or
        // before", as ComplaintState says), so its broken point, due at that same millisecond, is not owed.
        Step owed = catchUp(earlier(updatedAt.minusMillis(1), now), now);
        PromiseLedger ledger = owed.ledger();
        boolean inTime = ledger.open != null && !ledger.open.broken();
        boolean replacing = delay && nextUpdateBy != null;
        PromiseLedger after = ledger.next(eventId, inTime && !replacing ? 1 : 0, inTime && replacing ? 1 : 0);
        return owed.with(nextUpdateBy == null ? after : after.promising(policy, updatedAt, nextUpdateBy));
    }

    /**
     * Every point of the open promise due at or before {@code horizon}, each once, emitted at {@code emittedAt}, and the
     * ledger after them; a promise-broken point among them counts the promise as broken.
     */
    public Step catchUp(Instant horizon, Instant emittedAt) {
        if (open == null) {
            return new Step(List.of(), this);
        }
        PromiseClock.CatchUp step = open.catchUp(horizon);
        if (step.events().isEmpty()) {
            return new Step(List.of(), this);
        }
        long brokenNow = step.events().stream().filter(e -> e.kind() == DueStage.PROMISE_BROKEN).count();
        DueEvent last = step.events().get(step.events().size() - 1);
        return new Step(step.events(), new PromiseLedger(complaintId, made, kept, replaced, broken + (int) brokenNow, step.clock(),
                last.reminderNumber(), last.level(), emittedAt, appliedIds));
    }

    /**
     * The ledger one level higher (never beyond the top): a customer's negative verdict escalated the complaint. Its
     * next promise's points still climb from their own start; the complaint's level shows the climb until then.
     */
    public PromiseLedger climbed() {
        return new PromiseLedger(complaintId, made, kept, replaced, broken, open, pointsSent, Level.afterClimbs(level.ordinal() + 1),
                lastReminderAt, appliedIds);
    }

    /**
     * The point that tells the complaint's agents it was reopened at {@code at}, at the ledger's level, numbered after
     * every point so far and counted with them, so that the complaint's points keep one number each. A complaint is
     * reopened only when resolved, and a resolution ends the open promise, so no promise clock numbers points past it.
     */
    public Step reopened(Instant at) {
        DueEvent point = new DueEvent(complaintId, DueStage.REOPENED, at, at, pointsSent + 1, level);
        return new Step(List.of(point), new PromiseLedger(complaintId, made, kept, replaced, broken, open, pointsSent + 1, level,
                lastReminderAt, appliedIds));
    }

    /** The open promise ended (kept, replaced, or past its broken point), {@code eventId} applied. */
    private PromiseLedger next(String eventId, int keptNow, int replacedNow) {
        return new PromiseLedger(complaintId, made, kept + keptNow, replaced + replacedNow, broken, null, pointsSent, level, lastReminderAt,
                withApplied(eventId));
    }

    private List<String> withApplied(String eventId) {
        if (eventId == null) {
            return appliedIds;
        }
        List<String> ids = new ArrayList<>(appliedIds);
        ids.add(eventId);
        return ids.size() > REMEMBERED ? ids.subList(ids.size() - REMEMBERED, ids.size()) : ids;
    }

    private PromiseLedger promising(SlaPolicy policy, Instant madeAt, Instant promisedAt) {
        PromiseClock clock = PromiseClock.start(complaintId, policy, madeAt, promisedAt, pointsSent);
        return new PromiseLedger(complaintId, made + 1, kept, replaced, broken, clock, pointsSent, level, lastReminderAt, appliedIds);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isAfter(b) ? b : a;
    }

    /** The points to emit, in order, and the ledger to keep. */
    public record Step(List<DueEvent> events, PromiseLedger ledger) {
        public Step {
            events = List.copyOf(events);
        }

        Step with(PromiseLedger next) {
            return new Step(events, next);
        }
    }
}
