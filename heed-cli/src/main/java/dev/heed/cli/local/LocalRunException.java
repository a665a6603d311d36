package dev.heed.cli.local;

/** The local run could not start; the message is the one line the user sees. */
public final class LocalRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalRunException(String message) {
        super(message);
    }

    public LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
