package dev.heed.routing.deadletter;

import dev.heed.schemas.registry.RegistryException;

/**
 * Whether a failure came from the schema registry rather than from the record: such a record is good and must be
 * retried once the registry answers, never dead-lettered.
 */
final class RegistryFailures {
    private RegistryFailures() {}

    static boolean causedByRegistry(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryException) {
                return true;
            }
        }
        return false;
    }
}
