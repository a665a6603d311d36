package dev.heed.ingest.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket: holds up to {@code burst} tokens and refills at {@code ratePerSecond}. Time comes from
 * the injected clock, so tests advance it instead of sleeping. Thread-safe.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double ratePerSecond, int burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    /** Takes a token if one is there; otherwise says how long until one will be. */
    public synchronized Duration tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerNano));
    }

    private void refill() {
        long now = nanos();
        // A clock that steps backwards (NTP) must not drain the bucket.
        long elapsed = Math.max(0, now - lastNanos);
        tokens = Math.min(burst, tokens + elapsed * ratePerNano);
        lastNanos = now;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
