package dev.heed.responder.delivery;

/**
 * A delivery attempt failed. {@link #transientFailure()} says whether the same message may succeed later
 * (connection refused, 5xx, 429, SMTP 4xx) or never will (4xx, SMTP 5xx, a malformed address).
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;

    public DeliveryException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
