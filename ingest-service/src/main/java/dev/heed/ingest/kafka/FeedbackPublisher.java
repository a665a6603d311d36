package dev.heed.ingest.kafka;

import dev.heed.events.FeedbackReceived;
import java.util.function.BiConsumer;

/**
 * Writes accepted feedback to {@code feedback.received}, keyed by its event id (a verdict by its complaint id). The record counts as
 * stored only once the broker has acknowledged the write; an error (also when no acknowledgement came
 * within the configured bound) means the record is not known to be stored.
 */
public interface FeedbackPublisher {
    /**
     * Starts the write. {@code done} is called exactly once, with the placement or with the error, on
     * whichever thread learns the result (often the producer's single I/O thread): it must be short.
     * A callback rather than a future, because a batch item's answer used to pass through five futures
     * between the acknowledgement and the response, and that chain was a third of the I/O thread's time.
     */
    void publish(FeedbackReceived event, BiConsumer<Placement, Throwable> done);
}
