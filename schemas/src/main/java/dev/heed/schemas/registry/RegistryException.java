package dev.heed.schemas.registry;

/** The schema registry refused a request or could not be reached. */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retriable;

    public RegistryException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** True when the registry could not be reached or answered 5xx: the same call may succeed later. */
    public boolean retriable() {
        return retriable;
    }
}
