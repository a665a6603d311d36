package dev.heed.ingest.http;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.Placement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what would have been written; can be told to fail like a Kafka that does not answer. */
final class FakePublisher implements FeedbackPublisher {
    final List<FeedbackReceived> written = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public synchronized CompletableFuture<Placement> publish(FeedbackReceived event) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        written.add(event);
        return CompletableFuture.completedFuture(new Placement("feedback.received", 0, written.size() - 1));
    }
}
