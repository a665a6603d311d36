package dev.heed.routing.topology;

import java.time.Duration;

/**
 * The topology's timing: how often the SLA punctuator looks for due points (a longer interval delays events
 * but never loses one; a point known to fall due between two punctuations wakes the task at its due time, see
 * {@code DueWake}), how many due clocks one punctuation of a task handles at most, and how long event ids and
 * early acknowledgements are remembered.
 *
 * <p>The bound keeps a transaction small when very many clocks fall due at once (after an outage, or a burst): under
 * exactly_once_v2 everything a stream thread emits between two commits is one transaction, which the broker aborts
 * after Kafka Streams' {@code transaction.timeout.ms} (10 s), and the aborted work would be redone, and aborted again.
 * Clocks left over are caught up at the thread's next turn (a one-off punctuation), each point once; the thread
 * commits before it whenever its commit interval (100 ms under exactly_once_v2) has passed, which a full punctuation
 * of the default bound takes.
 */
public record ClockSettings(Duration punctuateInterval, Duration dedupeRetention, Duration earlyAckRetention,
                            int maxDuePerPunctuation) {

    public static final Duration DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** About a third of a second of work per task on a 2-core machine (LatenessBench: ~33,000 due clocks/s). */
    public static final int DEFAULT_MAX_DUE_PER_PUNCTUATION = 10_000;

    public ClockSettings {
        for (Duration d : new Duration[] {punctuateInterval, dedupeRetention, earlyAckRetention}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("clock settings must be positive durations: " + d);
            }
        }
        if (maxDuePerPunctuation < 1) {
            throw new IllegalArgumentException("a punctuation must handle at least one due clock: " + maxDuePerPunctuation);
        }
    }

    public ClockSettings(Duration punctuateInterval, Duration dedupeRetention, Duration earlyAckRetention) {
        this(punctuateInterval, dedupeRetention, earlyAckRetention, DEFAULT_MAX_DUE_PER_PUNCTUATION);
    }

    public static ClockSettings defaults() {
        return new ClockSettings(DEFAULT_PUNCTUATE_INTERVAL, DEFAULT_RETENTION, DEFAULT_RETENTION);
    }
}
