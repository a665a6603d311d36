package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.heed.schemas.MutableClock;
import org.junit.jupiter.api.Test;

class SentLogTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration HORIZON = Duration.ofDays(7);

    @Test
    void remembersWhatWasRecordedWithinTheHorizon() {
        SentLog log = new SentLog(Clock.fixed(NOW, ZoneOffset.UTC), HORIZON);
        log.add("msg_recent", NOW.minus(Duration.ofDays(6)));
        log.add("msg_edge", NOW.minus(HORIZON));

        assertThat(log.contains("msg_recent")).isTrue();
        assertThat(log.contains("msg_edge")).isTrue();
        assertThat(log.contains("msg_never")).isFalse();
        assertThat(log.since()).isEqualTo(NOW.minus(HORIZON));
    }

    @Test
    void doesNotKeepWhatIsOlderThanTheHorizonWhenItIsReadBack() {
        SentLog log = new SentLog(Clock.fixed(NOW, ZoneOffset.UTC), HORIZON);
        log.add("msg_old", NOW.minus(HORIZON).minusMillis(1));

        assertThat(log.contains("msg_old")).isFalse();
        assertThat(log.size()).isZero();
    }

    @Test
    void sweepsOutEntriesOnceTheyFallBehindTheHorizonAsTimeGoesOn() {
        MutableClock clock = new MutableClock(NOW);
        SentLog log = new SentLog(clock, HORIZON);
        log.add("msg_first", NOW);
        clock.advance(Duration.ofDays(3));
        log.add("msg_second", clock.instant());

        clock.advance(Duration.ofDays(4).plusMillis(1));
        log.expire();

        assertThat(log.contains("msg_first")).isFalse();
        assertThat(log.contains("msg_second")).isTrue();
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void sweepsByItselfAsAdditionsGoOnSoMemoryFollowsTheHorizonNotUptime() {
        MutableClock clock = new MutableClock(NOW);
        SentLog log = new SentLog(clock, Duration.ofSeconds(10));
        for (int i = 0; i < 20_000; i++) {
            log.add("msg_" + i, clock.instant());
            clock.advance(Duration.ofSeconds(1));
        }
        // One sweep every 4096 additions: at most the horizon plus one sweep interval stays.
        assertThat(log.size()).isLessThanOrEqualTo(11 + 4096);
        assertThat(log.contains("msg_19999")).isTrue();
        assertThat(log.contains("msg_0")).isFalse();
    }

    @Test
    void refusesAHorizonThatKeepsNothing() {
        assertThatThrownBy(() -> new SentLog(Clock.systemUTC(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
