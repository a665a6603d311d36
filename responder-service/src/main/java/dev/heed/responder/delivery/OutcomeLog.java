package dev.heed.responder.delivery;

import dev.heed.events.ResponseSent;

/**
 * Where final outcomes are recorded (responses.sent): {@link #record} returns only once the outcome is
 * durable, and throws otherwise, so that nothing after it is committed.
 */
@FunctionalInterface
public interface OutcomeLog {
    void record(ResponseSent sent);
}
