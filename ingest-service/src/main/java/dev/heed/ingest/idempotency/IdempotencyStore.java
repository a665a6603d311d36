package dev.heed.ingest.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Remembers, per idempotency key, a fingerprint of the content and the outcome of its first write, so a
 * repeat gets the same answer and a different body under the same key is caught.
 *
 * <p>Contract: {@link #attach} runs the work at most once per key while the entry lives; concurrent
 * repeats share the first request's future. A failed write is forgotten, so the client's retry with
 * the same key writes again. Entries live for the TTL from their first use, and the store holds at
 * most {@code maxEntries}, evicting the oldest first: this is an in-memory, per-instance record, lost
 * on restart (downstream dedupe by event id covers what it cannot). Thread-safe.
 *
 * @param <F> what identifies a content, compared by {@code equals}
 * @param <V> the outcome of a write
 */
public final class IdempotencyStore<F, V> {
    // The expiry as epoch milliseconds rather than an Instant: one object less in each of up to maxEntries entries.
    private record Entry<F, V>(F fingerprint, CompletableFuture<V> outcome, long expiresAtMillis) {}

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    // Insertion order equals expiry order because every entry gets the same TTL.
    private final LinkedHashMap<String, Entry<F, V>> entries = new LinkedHashMap<>();
    // Guarded by this: entries dropped for room before their TTL ran out, each a key whose repeat would write again.
    private long evictedEarly;

    public IdempotencyStore(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    /**
     * The outcome for this key: the existing one when the fingerprint matches, a new one when the key is
     * unknown, or empty when the key was used for other content. For a new key, {@code work} is given the
     * outcome to complete; completing it exceptionally forgets the key, so the client's retry runs again.
     */
    public Optional<CompletableFuture<V>> attach(String key, F fingerprint, Consumer<CompletableFuture<V>> work) {
        var promise = new Promise(key);
        synchronized (this) {
            long now = clock.millis();
            evictExpired(now);
            Entry<F, V> existing = entries.get(key);
            if (existing != null) {
                return existing.fingerprint().equals(fingerprint) ? Optional.of(existing.outcome()) : Optional.empty();
            }
            entries.put(key, new Entry<>(fingerprint, promise, now + ttlMillis));
            evictOverflow();
        }
        // Outside the lock: the work may block (a producer waiting for metadata) and must not stall other keys.
        try {
            work.accept(promise);
        } catch (RuntimeException e) {
            promise.completeExceptionally(e);
        }
        return Optional.of(promise);
    }

    /**
     * The outcome of a first write, which forgets its key as it fails: done here rather than in a dependent
     * stage, which would cost a batch item one more future completed on the producer's I/O thread.
     */
    private final class Promise extends CompletableFuture<V> {
        private final String key;

        Promise(String key) {
            this.key = key;
        }

        @Override
        public boolean completeExceptionally(Throwable error) {
            if (!isDone()) {
                forget(key, this);
            }
            return super.completeExceptionally(error);
        }

        // CompletableFuture.cancel completes without going through completeExceptionally: a cancelled write is
        // forgotten too, or every repeat of its key would be answered with the cancellation until the TTL.
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!isDone()) {
                forget(key, this);
            }
            return super.cancel(mayInterruptIfRunning);
        }

        // Stages that depend on this one are plain futures: only the stored outcome forgets its key.
        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /**
     * How many entries were evicted to stay within {@code maxEntries} before their TTL ran out: when this
     * grows, the store remembers less than the TTL promises.
     */
    public synchronized long evictedEarly() {
        return evictedEarly;
    }

    private synchronized void forget(String key, CompletableFuture<V> promise) {
        entries.computeIfPresent(key, (k, entry) -> entry.outcome() == promise ? null : entry);
    }

    private void evictExpired(long now) {
        Iterator<Map.Entry<String, Entry<F, V>>> it = entries.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().expiresAtMillis() <= now) {
            it.remove();
        }
    }

    private void evictOverflow() {
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() > maxEntries && it.hasNext()) {
            it.next();
            it.remove();
            evictedEarly++;
        }
    }
}
