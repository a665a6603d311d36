package dev.heed.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.schemas.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAuthLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void shouldRefuseAnAddressPastItsFailuresUntilTheWindowEnds() {
        var limiter = new FailedAuthLimiter(3, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.recordFailure("10.0.0.1")).isZero();
        }
        clock.advance(Duration.ofSeconds(20));

        assertThat(limiter.recordFailure("10.0.0.1")).isEqualTo(Duration.ofSeconds(40));
        assertThat(limiter.recordFailure("10.0.0.2")).as("another address has its own count").isZero();

        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.recordFailure("10.0.0.1")).as("a new window").isZero();
    }

    @Test
    void shouldCountAddressesPastTheTableTogetherSoMemoryStaysBounded() {
        var limiter = new FailedAuthLimiter(2, Duration.ofMinutes(1), 3, clock);
        for (int i = 1; i <= 3; i++) {
            limiter.recordFailure("10.0.0." + i);
        }

        assertThat(limiter.recordFailure("10.0.1.1")).isZero();
        assertThat(limiter.recordFailure("10.0.1.2")).isZero();
        assertThat(limiter.recordFailure("10.0.1.3")).as("a third failure of addresses sharing the overflow count").isPositive();
        assertThat(limiter.addresses()).isEqualTo(3);
        assertThat(limiter.recordFailure("10.0.0.1")).as("addresses in the table keep their own count").isZero();

        for (int i = 0; i < 100_000; i++) {
            limiter.recordFailure("10.1." + (i >> 8) + "." + (i & 255));
        }
        assertThat(limiter.addresses()).isEqualTo(3);
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() {
        assertThat(FailedAuthLimiter.client("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(FailedAuthLimiter.client("[2001:db8:1:2:bbbb:0:0:9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(FailedAuthLimiter.client("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(FailedAuthLimiter.client("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(FailedAuthLimiter.client("::ffff:192.0.2.7")).as("IPv4 mapped into IPv6 stays one address").isEqualTo("::ffff:192.0.2.7");
        assertThat(FailedAuthLimiter.client("192.0.2.7")).isEqualTo("192.0.2.7");

        var limiter = new FailedAuthLimiter(1, Duration.ofMinutes(1), 100, clock);
        limiter.recordFailure("2001:db8:1:2::a");
        assertThat(limiter.recordFailure("2001:db8:1:2::b")).as("the same /64").isPositive();
    }
}
