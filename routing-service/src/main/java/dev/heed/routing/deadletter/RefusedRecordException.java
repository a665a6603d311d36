package dev.heed.routing.deadletter;

/**
 * A readable record the topology cannot apply and must not drop: thrown by a processor, it sends its source record to
 * the dead-letter topic ({@link DeadLetterProcessingHandler}) with the reason first in the message
 * ({@code VERDICT_UNMATCHED: ...}), as {@code NULL_VALUE} starts a tombstone's. Expected, so it is logged as a warning
 * without a stack trace; processing goes on.
 */
public final class RefusedRecordException extends RuntimeException {

    private final String reason;

    public RefusedRecordException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
