package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private static BackoffPolicy withRandom(double random) {
        return new BackoffPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), 2.0, () -> random);
    }

    @Test
    void shouldDoubleTheCeilingWithEveryRetryUpToTheMaximum() {
        BackoffPolicy top = withRandom(1.0);

        assertThat(top.delayBeforeRetry(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(top.delayBeforeRetry(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(top.delayBeforeRetry(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(top.delayBeforeRetry(4)).isEqualTo(Duration.ofMillis(3000));
        assertThat(top.delayBeforeRetry(30)).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void shouldJitterWithinTheUpperHalfOfTheCeiling() {
        assertThat(withRandom(0.0).delayBeforeRetry(3)).isEqualTo(Duration.ofMillis(1000));
        assertThat(withRandom(0.5).delayBeforeRetry(3)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldStayWithinBoundsForRealRandomness() {
        BackoffPolicy policy = BackoffPolicy.of(5, Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayBeforeRetry(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }

    @Test
    void shouldAllowRetriesOnlyUntilTheMaximumAttempts() {
        BackoffPolicy policy = withRandom(0.5);

        assertThat(policy.mayRetryAfter(4)).isTrue();
        assertThat(policy.mayRetryAfter(5)).isFalse();
    }

    @Test
    void shouldRefuseNonsensicalSettings() {
        assertThatThrownBy(() -> BackoffPolicy.of(0, Duration.ofMillis(1), Duration.ofMillis(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackoffPolicy.of(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
