package dev.heed.ingest.http;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.Placement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Records what would have been written; can be told to fail like a Kafka that does not answer. */
final class FakePublisher implements FeedbackPublisher {
    final List<FeedbackReceived> written = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    /** While set, acknowledgements wait for it to complete, as from a Kafka that is slow to answer. */
    volatile CompletableFuture<Void> gate;

    @Override
    public synchronized void publish(FeedbackReceived event, BiConsumer<Placement, Throwable> done) {
        if (failure != null) {
            done.accept(null, failure);
            return;
        }
        written.add(event);
        var placement = new Placement("feedback.received", 0, written.size() - 1);
        CompletableFuture<Void> waitFor = gate;
        if (waitFor != null) {
            waitFor.thenRun(() -> done.accept(placement, null));
            return;
        }
        done.accept(placement, null);
    }
}
