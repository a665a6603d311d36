package dev.heed.responder.console;

import java.time.Duration;

/**
 * The console's settings (docs/console.md): how long a sign-in lasts, the timeline index's bound,
 * how long non-complaint feedback may wait for its reply before it counts as a gap, and how often the
 * dashboard is sampled.
 */
public record ConsoleSettings(Duration sessionTtl, int maxComplaints, int maxEventsPerComplaint, Duration replyWithin,
                              Duration sampleEvery) {
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Duration.ofHours(12), 10_000, 50, Duration.ofMinutes(15), Duration.ofSeconds(5));
    }
}
