package dev.heed.responder.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Bounded exponential backoff with jitter: the wait before retry {@code n} (1-based) is
 * {@code initial * multiplier^(n-1)}, capped at {@code max}, then drawn uniformly from its upper half.
 * Half-jitter keeps a floor under the wait (a receiver that is down gets real breathing room) while still
 * spreading out instances that failed at the same moment.
 */
public record BackoffPolicy(int maxAttempts, Duration initial, Duration max, double multiplier, DoubleSupplier random) {

    public BackoffPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and multiplier >= 1");
        }
    }

    public static BackoffPolicy of(int maxAttempts, Duration initial, Duration max) {
        return new BackoffPolicy(maxAttempts, initial, max, 2.0, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Whether another attempt may follow attempt number {@code attemptsMade}. */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait before retry number {@code retry} (the first retry is 1). */
    public Duration delayBeforeRetry(int retry) {
        double ceiling = Math.min(max.toMillis(), initial.toMillis() * Math.pow(multiplier, retry - 1.0));
        double jittered = ceiling / 2 + random.getAsDouble() * ceiling / 2;
        return Duration.ofMillis(Math.round(jittered));
    }
}
