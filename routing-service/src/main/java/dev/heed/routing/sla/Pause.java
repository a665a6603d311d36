package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a complaint is on hold, and how long it has been so far: an agent put it on hold waiting on the customer or on
 * a third party, which pauses its resolution clock, until the customer replies or an agent resumes it. An immutable value.
 *
 * <p>The rules:
 * <ul>
 *   <li>A wait begins a pause; a wait of the other kind while paused switches what is awaited and continues the same
 *       pause (its time and count run on); a wait of the same kind changes nothing.</li>
 *   <li>A pause ends on an agent's resume, on a resolution (a complaint resolved while on hold is no longer waiting),
 *       and on a customer's reply {@linkplain #resumedBy when that reply is what was awaited}.</li>
 * </ul>
 *
 * @param waitingOn    what the complaint waits on, null when it is not on hold
 * @param since        when the current pause began, null when not on hold
 * @param pausedMillis wall-clock milliseconds of the pauses that ended
 * @param pauses       pauses begun so far
 * @param waitingSince when the complaint began waiting on what it waits on now (the pause's start, or the switch to the
 *                     other kind), null when not on hold: what an {@linkplain AutoClose automatic close} counts from
 */
public record Pause(Wait waitingOn, Instant since, long pausedMillis, int pauses, Instant waitingSince) {

    /** What a complaint on hold waits on. */
    public enum Wait { CUSTOMER, THIRD_PARTY }

    /** Never on hold. */
    public static final Pause NONE = new Pause(null, null, 0, 0);

    /** Waiting on what it waits on since the pause began (as every pause stored before the switch was kept). */
    public Pause(Wait waitingOn, Instant since, long pausedMillis, int pauses) {
        this(waitingOn, since, pausedMillis, pauses, since);
    }

    public Pause {
        if ((waitingOn == null) != (since == null) || (since == null) != (waitingSince == null)) {
            throw new IllegalArgumentException("a pause has both what it waits on and since when, or neither");
        }
        if (pausedMillis < 0 || pauses < 0) {
            throw new IllegalArgumentException("pause counts must not be negative: " + pausedMillis + ", " + pauses);
        }
    }

    public boolean paused() {
        return waitingOn != null;
    }

    /**
     * On hold waiting on {@code wait} from {@code at}; a switch while paused keeps the pause's start and waits on the other
     * kind from {@code at}; a wait of the same kind while paused changes nothing.
     */
    public Pause begin(Wait wait, Instant at) {
        Objects.requireNonNull(wait, "wait");
        if (!paused()) {
            return new Pause(wait, at, pausedMillis, pauses + 1, at);
        }
        return wait == waitingOn ? this : new Pause(wait, since, pausedMillis, pauses, at);
    }

    /** Off hold at {@code at} (never before the pause began): its time counted. Not on hold: unchanged. */
    public Pause end(Instant at) {
        if (!paused()) {
            return this;
        }
        return new Pause(null, null, pausedMillis + Math.max(0, Duration.between(since, at).toMillis()), pauses);
    }

    /**
     * Whether a customer's reply ends this pause: any reply while waiting on the customer (what was awaited came), and a
     * negative one while waiting on a third party (the customer is unhappy with the wait: the clock must run again and
     * an agent look). A positive reply while waiting on a third party is recorded and changes nothing.
     */
    public boolean resumedBy(boolean negativeReply) {
        return waitingOn == Wait.CUSTOMER || waitingOn == Wait.THIRD_PARTY && negativeReply;
    }
}
