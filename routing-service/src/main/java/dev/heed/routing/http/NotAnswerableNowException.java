package dev.heed.routing.http;

/**
 * A query cannot be answered right now (this instance is rebalancing or restoring, or the instance that
 * holds the key did not answer); the client should retry shortly. Answered with 503 and Retry-After.
 */
public final class NotAnswerableNowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotAnswerableNowException(String message, Throwable cause) {
        super(message, cause);
    }
}
