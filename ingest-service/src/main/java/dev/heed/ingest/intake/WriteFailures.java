package dev.heed.ingest.intake;

import dev.heed.schemas.registry.RegistryException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/** Sorts write failures by type (never by message text): which ones a client should simply retry, and why. */
final class WriteFailures {
    private WriteFailures() {}

    /** What stopped a write. */
    enum Kind {
        /** The registry could not be reached while serializing: nothing was sent to Kafka. */
        REGISTRY_UNAVAILABLE,
        /** Kafka did not acknowledge in time (or answered with a retriable error): the record may be stored all the same. */
        KAFKA_UNAVAILABLE,
        /** Anything else: not worth a retry. */
        FAILED
    }

    static Kind of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RegistryException registry) {
                return registry.retriable() ? Kind.REGISTRY_UNAVAILABLE : Kind.FAILED;
            }
            if (t instanceof TimeoutException || t instanceof RetriableException) {
                return Kind.KAFKA_UNAVAILABLE;
            }
        }
        return Kind.FAILED;
    }
}
