package dev.heed.routing.topology.processor;

/**
 * Keeps the SLA punctuator from running ahead of the task's own input. A due point must not go out while an
 * acknowledgement written before it is still waiting in the task's input: after a failover or a restart the task
 * works off a backlog of old records, and a wall-clock punctuation would otherwise emit the breach of a complaint
 * whose acknowledgement is a few hundred records further on (measured in the fault suite's routing kill: 96
 * reminders after an acknowledgement in one run, before this gate).
 *
 * <p>So while the task is catching up (since the last punctuation it processed records while its stream time lagged
 * the wall clock by more than {@link #FRESH_WITHIN}) only due points up to its stream time plus that allowance are
 * emitted; the rest follow as the input catches up, at the latest one punctuation after the last stale record. Right after the task starts it counts as catching up until it
 * has processed fresh records or {@link #WARM_UP} passed without any (an idle task: nothing to wait for). A task that
 * is idle, or keeps up, emits everything due at once, as before. Plain Java; one per task, used from its thread.
 */
final class CatchUpGate {
    /** How far the input may lag the wall clock and still count as caught up. */
    static final long FRESH_WITHIN = 2_000;
    /** How long a starting task waits for its first records before it counts as idle. */
    static final long WARM_UP = 5_000;

    private final long startedAt;
    private boolean warmingUp = true;
    private int inputs;
    private int staleInputs;
    /** The task's stream time as its records were processed: the source records' time, whatever is forwarded. */
    private long inputStreamTime = -1;

    CatchUpGate(long startedAt) {
        this.startedAt = startedAt;
    }

    /**
     * A record was processed at wall-clock time {@code now}, after which the task's stream time was
     * {@code streamTime}.
     */
    void input(long now, long streamTime) {
        inputs++;
        inputStreamTime = Math.max(inputStreamTime, streamTime);
        if (now - streamTime > FRESH_WITHIN) {
            staleInputs++;
        }
    }

    /**
     * The latest due time the punctuation at {@code now} may emit: {@code now} unless the task is catching up, then
     * its stream time plus {@link #FRESH_WITHIN} (never later than {@code now}).
     *
     * @param streamTime the task's stream time now, negative when none; the stream time seen by {@link #input} wins
     *                   once there is one (a punctuation may see the timestamps of records forwarded inside the
     *                   task, stamped with the wall clock)
     */
    long horizon(long now, long streamTime) {
        long horizon = peek(now, streamTime);
        warmingUp = stillWarmingUp(now);
        inputs = 0;
        staleInputs = 0;
        return horizon;
    }

    /**
     * What {@link #horizon} would answer at {@code now}, without closing the window of records it judges: for a
     * punctuation between the regular ones ({@link DueWake}), so that a short window between two of them never hides
     * stale records from the next regular one.
     */
    long peek(long now, long streamTime) {
        if (inputStreamTime >= 0) {
            streamTime = inputStreamTime;
        }
        boolean catchingUp = staleInputs > 0 || (stillWarmingUp(now) && (streamTime < 0 || now - streamTime > FRESH_WITHIN));
        return catchingUp ? Math.min(now, Math.max(streamTime, 0) + FRESH_WITHIN) : now;
    }

    private boolean stillWarmingUp(long now) {
        boolean busy = inputs > 0;
        return warmingUp && !((busy && staleInputs == 0) || (!busy && now - startedAt >= WARM_UP));
    }
}
