package dev.heed.routing.topology.processor;

import java.time.Duration;
import java.util.function.LongConsumer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * One-off punctuations between the regular ones. The regular wall-clock punctuation runs on a fixed grid, one interval
 * apart, so a point falling due just after one waited almost an interval before anything looked for it: with the
 * default 1 s, up to a third of the 3 s lateness measured with 10^5 clocks due at once (docs/benchmarks/routing.md).
 * A wake is armed at the earliest due time known to come before the next regular punctuation, and the punctuation it
 * runs looks for due points as a regular one does. At most one wake is armed per task; arming an earlier one cancels
 * it. Used from the task's thread only.
 */
final class DueWake {

    private final ProcessorContext<?, ?> context;
    private final long interval;
    private final LongConsumer punctuation;
    private long nextRegular;
    private Cancellable armed;
    private long armedAt = Long.MAX_VALUE;

    /** Runs {@code punctuation} (given the wall-clock time) at each wake of a task punctuating every {@code interval}. */
    DueWake(ProcessorContext<?, ?> context, Duration interval, LongConsumer punctuation) {
        this.context = context;
        this.interval = interval.toMillis();
        this.punctuation = punctuation;
        this.nextRegular = context.currentSystemTimeMs() + this.interval;
    }

    /** A regular punctuation runs at {@code now}: the next one comes an interval later. */
    void regular(long now) {
        nextRegular = now + interval;
    }

    /** When the next regular punctuation is expected, in epoch millis. */
    long nextRegular() {
        return nextRegular;
    }

    /**
     * Wakes at {@code at} (epoch millis; at once when it is not after {@code now}) unless the next regular punctuation
     * or an armed wake comes first.
     */
    void at(long at, long now) {
        if (at >= nextRegular || at >= armedAt) {
            return;
        }
        if (armed != null) {
            armed.cancel();
        }
        armedAt = at;
        armed = context.schedule(Duration.ofMillis(Math.max(1, at - now)), PunctuationType.WALL_CLOCK_TIME, this::wake);
    }

    private void wake(long now) {
        Cancellable self = armed;
        armed = null;
        armedAt = Long.MAX_VALUE;
        // A one-off: the schedule repeats unless cancelled; the punctuation may arm the next wake.
        self.cancel();
        punctuation.accept(now);
    }
}
