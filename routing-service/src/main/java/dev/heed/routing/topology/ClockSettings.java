package dev.heed.routing.topology;

import java.time.Duration;

/**
 * The topology's timing: how often the SLA punctuator looks for due points (a longer interval delays events
 * but never loses one), and how long event ids and early acknowledgements are remembered.
 */
public record ClockSettings(Duration punctuateInterval, Duration dedupeRetention, Duration earlyAckRetention) {

    public static final Duration DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public ClockSettings {
        for (Duration d : new Duration[] {punctuateInterval, dedupeRetention, earlyAckRetention}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("clock settings must be positive durations: " + d);
            }
        }
    }

    public static ClockSettings defaults() {
        return new ClockSettings(DEFAULT_PUNCTUATE_INTERVAL, DEFAULT_RETENTION, DEFAULT_RETENTION);
    }
}
