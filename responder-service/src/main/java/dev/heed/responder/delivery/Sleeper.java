package dev.heed.responder.delivery;

import java.time.Duration;

/** Waits between delivery attempts; injected so tests record the waits instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real one. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
