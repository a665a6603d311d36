package dev.heed.responder.delivery;

import dev.heed.events.ResponseSent;

/**
 * Where final outcomes are recorded (responses.sent): {@link #record} returns only once the outcome is
 * durable, and throws otherwise, so that nothing after it is committed.
 */
@FunctionalInterface
public interface OutcomeLog {
    void record(ResponseSent sent);

    /**
     * Called before a message goes out: fails (as {@link #record} would) when an outcome could not be written for
     * a reason known before the send, such as the registry not answering for responses.sent's schema id. Failing
     * after the send instead leaves a delivered message unrecorded, and the record read again later sends it again.
     */
    default void prepare() {}
}
