package dev.heed.ingest.kafka;

import dev.heed.events.FeedbackReceived;
import java.util.concurrent.CompletableFuture;

/**
 * Writes accepted feedback to {@code feedback.received}, keyed by its event id. The future completes
 * only once the broker has acknowledged the write, and fails when it did not within the configured
 * bound; a failed future means the record is not known to be stored.
 */
public interface FeedbackPublisher {
    CompletableFuture<Placement> publish(FeedbackReceived event);
}
