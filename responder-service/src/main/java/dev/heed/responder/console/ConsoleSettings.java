package dev.heed.responder.console;

import static dev.heed.runtime.catalog.ResponderSettings.*;

import java.time.Duration;

/**
 * The console's settings (docs/console.md): how long a sign-in lasts, the timeline index's bound,
 * how long non-complaint feedback may wait for its reply before it counts as a gap, and how often the
 * dashboard is sampled.
 */
public record ConsoleSettings(Duration sessionTtl, int maxComplaints, int maxEventsPerComplaint, Duration replyWithin,
                              Duration sampleEvery) {
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(CONSOLE_SESSION_TTL.fallback(), CONSOLE_TIMELINE_MAX_COMPLAINTS.fallback(),
                CONSOLE_TIMELINE_MAX_EVENTS.fallback(), CONSOLE_REPLY_WITHIN.fallback(), CONSOLE_SAMPLE.fallback());
    }
}
