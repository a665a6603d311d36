package dev.heed.ingest.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TokenBucket} per source system, so a noisy source cannot starve the others. The number of
 * buckets is bounded by the number of configured keys, since only authenticated sources get one.
 */
public final class RateLimiter {
    private final double ratePerSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double ratePerSecond, int burst, Clock clock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** {@link Duration#ZERO} when the request may go ahead, else how long the source should wait. */
    public Duration tryAcquire(String source) {
        return buckets.computeIfAbsent(source, s -> new TokenBucket(ratePerSecond, burst, clock)).tryTake();
    }
}
