package dev.heed.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * Ready when the producer has metadata for the topic. {@code partitionsFor} can block up to
 * {@code max.block.ms} when it has none, so the check runs on its own thread, answers "not ready" after
 * a short wait, and never starts a second lookup while one is still running.
 */
public final class ProducerReadiness implements BooleanSupplier {
    private final Producer<?, ?> producer;
    private final String topic;
    private final Duration wait;
    private final Executor executor;
    private CompletableFuture<Boolean> lookup = CompletableFuture.completedFuture(false);

    public ProducerReadiness(Producer<?, ?> producer, String topic, Duration wait) {
        this.producer = producer;
        this.topic = topic;
        this.wait = wait;
        this.executor = runnable -> {
            Thread thread = new Thread(runnable, "ingest-readiness");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Override
    public boolean getAsBoolean() {
        CompletableFuture<Boolean> current = currentLookup();
        try {
            return current.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> currentLookup() {
        if (lookup.isDone()) {
            lookup = CompletableFuture.supplyAsync(this::hasMetadata, executor);
        }
        return lookup;
    }

    private boolean hasMetadata() {
        try {
            return !producer.partitionsFor(topic).isEmpty();
        } catch (KafkaException e) {
            return false;
        }
    }
}
