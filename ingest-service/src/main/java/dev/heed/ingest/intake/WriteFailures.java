package dev.heed.ingest.intake;

import dev.heed.schemas.registry.RegistryException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** Sorts write failures by type (never by message text): which ones a client should simply retry. */
final class WriteFailures {
    private WriteFailures() {}

    static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof RegistryException registry && registry.retriable()) {
                return true;
            }
        }
        return false;
    }
}
