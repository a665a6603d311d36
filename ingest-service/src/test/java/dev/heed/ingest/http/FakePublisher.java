package dev.heed.ingest.http;

import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.Placement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Records what would have been written; can be told to fail like a Kafka that does not answer. */
final class FakePublisher implements FeedbackPublisher {
    final List<FeedbackReceived> written = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public synchronized void publish(FeedbackReceived event, BiConsumer<Placement, Throwable> done) {
        if (failure != null) {
            done.accept(null, failure);
            return;
        }
        written.add(event);
        done.accept(new Placement("feedback.received", 0, written.size() - 1), null);
    }
}
