package dev.heed.schemas.registry;

import java.util.Optional;

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

    /**
     * The registry's failure behind {@code error}, wherever a serde or Kafka wrapped it: a record that failed only
     * for this is good and must be read again once the registry answers, never skipped or dead-lettered.
     */
    public static Optional<RegistryException> in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException registry) {
                return Optional.of(registry);
            }
        }
        return Optional.empty();
    }
}
