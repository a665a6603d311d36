package dev.heed.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.schemas.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void shouldAllowTheBurstThenRefuseWithTheWaitUntilTheNextToken() {
        var limiter = new RateLimiter(2, 3, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("web-form")).isZero();
        }
        assertThat(limiter.tryAcquire("web-form")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldRefillAsTimeAdvances() {
        var limiter = new RateLimiter(2, 1, clock);
        assertThat(limiter.tryAcquire("web-form")).isZero();
        assertThat(limiter.tryAcquire("web-form")).isPositive();

        clock.advance(Duration.ofMillis(250));
        assertThat(limiter.tryAcquire("web-form")).isEqualTo(Duration.ofMillis(250));

        clock.advance(Duration.ofMillis(250));
        assertThat(limiter.tryAcquire("web-form")).isZero();
    }

    @Test
    void shouldNeverHoldMoreThanTheBurst() {
        var limiter = new RateLimiter(10, 2, clock);
        clock.advance(Duration.ofHours(1));

        assertThat(limiter.tryAcquire("web-form")).isZero();
        assertThat(limiter.tryAcquire("web-form")).isZero();
        assertThat(limiter.tryAcquire("web-form")).isPositive();
    }

    @Test
    void shouldKeepOneBucketPerSource() {
        var limiter = new RateLimiter(1, 1, clock);
        assertThat(limiter.tryAcquire("web-form")).isZero();
        assertThat(limiter.tryAcquire("web-form")).isPositive();
        assertThat(limiter.tryAcquire("zendesk")).as("another source is not slowed by the first").isZero();
    }

    @Test
    void shouldNotDrainWhenTheClockStepsBack() {
        var limiter = new RateLimiter(1, 1, clock);
        assertThat(limiter.tryAcquire("web-form")).isZero();
        clock.advance(Duration.ofSeconds(-30));
        assertThat(limiter.tryAcquire("web-form")).as("no refill for backward time").isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("web-form")).as("refills from the new time, not from the old one").isZero();
    }

    @Test
    void shouldRefuseNonsenseLimits() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
