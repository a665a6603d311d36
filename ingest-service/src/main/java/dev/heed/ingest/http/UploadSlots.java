package dev.heed.ingest.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the request bodies on their way, per API key (its source system) and in all, so that slow senders
 * of one key cannot take every upload the instance takes, and all of them together cannot take its memory.
 * A body that arrives with its head or right behind it never takes a slot (see {@link BodyReader}). Thread-safe; one counter per configured source.
 */
final class UploadSlots {
    /** Whether an upload may go ahead. */
    enum Verdict { GRANTED, KEY_FULL, ALL_FULL }

    private final int maxPerKey;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentMap<String, AtomicInteger> perKey = new ConcurrentHashMap<>();

    UploadSlots(int maxPerKey, int maxTotal) {
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
    }

    /** Takes a slot for {@code source} when both its own and the total count allow; {@link #release} gives it back. */
    Verdict tryAcquire(String source) {
        AtomicInteger mine = perKey.computeIfAbsent(source, s -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerKey) {
            mine.decrementAndGet();
            return Verdict.KEY_FULL;
        }
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            mine.decrementAndGet();
            return Verdict.ALL_FULL;
        }
        return Verdict.GRANTED;
    }

    void release(String source) {
        total.decrementAndGet();
        perKey.get(source).decrementAndGet();
    }

    /** Bodies on their way now. */
    int inProgress() {
        return total.get();
    }

    int maxPerKey() {
        return maxPerKey;
    }

    int maxTotal() {
        return maxTotal;
    }
}
