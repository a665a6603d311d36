package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final SlaPolicy CRITICAL = SlaPolicy.of("critical", 3, Duration.ofMinutes(15));

    private final SlaClock clock = SlaClock.start("c-1", CRITICAL, T0);

    @ParameterizedTest(name = "due point {0} is a {2} at +{1}s for the {3}")
    @CsvSource({
            "1,    450, WARNING, AGENT",
            "2,    675, WARNING, AGENT",
            "3,    900, BREACH,  AGENT",
            "4,   1800, REPEAT,  AGENT",
            "5,   2700, REPEAT,  TEAM_LEAD",
            "6,   3600, REPEAT,  TEAM_LEAD",
            "7,   4500, REPEAT,  MANAGER",
            "1000, 898200, REPEAT, MANAGER",
    })
    void eachDuePointFallsAtItsTimeWithItsKindAndLevel(int n, long secondsAfterEscalation, DueStage kind, Level level) {
        DueEvent event = clock.eventFor(n);

        assertThat(event.dueAt()).isEqualTo(T0.plusSeconds(secondsAfterEscalation));
        assertThat(event.kind()).isEqualTo(kind);
        assertThat(event.level()).isEqualTo(level);
        assertThat(event.reminderNumber()).isEqualTo(n);
        assertThat(event.breachAt()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void catchingUpBeforeTheFirstPointEmitsNothing() {
        SlaClock.CatchUp result = clock.catchUp(T0.plusSeconds(449));

        assertThat(result.events()).isEmpty();
        assertThat(result.clock()).isEqualTo(clock);
    }

    @Test
    void catchingUpAfterALongGapEmitsEveryMissedPointOnceInOrder() {
        Instant late = T0.plusSeconds(2700);

        SlaClock.CatchUp result = clock.catchUp(late);

        assertThat(result.events()).extracting(DueEvent::reminderNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.clock().remindersSent()).isEqualTo(5);
        assertThat(result.clock().level()).isEqualTo(Level.TEAM_LEAD);
        assertThat(result.clock().lastReminderAt()).isEqualTo(late);
        assertThat(result.clock().nextDueAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void catchingUpTwiceAtTheSameInstantEmitsNothingTheSecondTime() {
        SlaClock once = clock.catchUp(T0.plusSeconds(900)).clock();

        assertThat(once.catchUp(T0.plusSeconds(900)).events()).isEmpty();
    }

    @Test
    void catchingUpPointByPointGivesTheSameEventsAsOneBigStep() {
        SlaClock stepwise = clock;
        List<DueEvent> seen = new java.util.ArrayList<>();
        for (long second = 0; second <= 4500; second += 7) {
            SlaClock.CatchUp step = stepwise.catchUp(T0.plusSeconds(second));
            seen.addAll(step.events());
            stepwise = step.clock();
        }

        assertThat(seen).isEqualTo(clock.catchUp(T0.plusSeconds(4499)).events());
    }

    @Test
    void statusFollowsTheEmittedPoints() {
        assertThat(clock.status()).isEqualTo(ClockStatus.OPEN);
        assertThat(clock.catchUp(T0.plusSeconds(450)).clock().status()).isEqualTo(ClockStatus.WARNED);
        assertThat(clock.catchUp(T0.plusSeconds(675)).clock().status()).isEqualTo(ClockStatus.WARNED);
        assertThat(clock.catchUp(T0.plusSeconds(900)).clock().status()).isEqualTo(ClockStatus.BREACHED);
    }

    @Test
    void aPolicyWithoutWarningsStartsWithTheBreach() {
        SlaPolicy noWarnings = new SlaPolicy("plain", 1, Duration.ofHours(1), List.of(), Duration.ofMinutes(10), 1);
        SlaClock plain = SlaClock.start("c-2", noWarnings, T0);

        assertThat(plain.eventFor(1).kind()).isEqualTo(DueStage.BREACH);
        assertThat(plain.eventFor(1).dueAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(plain.eventFor(2).level()).isEqualTo(Level.TEAM_LEAD);
        assertThat(plain.warningsAt()).isEmpty();
    }

    @Test
    void warningsAreListedEarliestFirst() {
        assertThat(clock.warningsAt()).containsExactly(T0.plusSeconds(450), T0.plusSeconds(675));
    }

    @Test
    void overdueIsZeroBeforeTheBreachAndCountsFromItAfter() {
        assertThat(clock.overdueBy(T0.plusSeconds(899))).isZero();
        assertThat(clock.overdueBy(T0.plusSeconds(960))).isEqualTo(Duration.ofMinutes(1));
        assertThat(clock.eventFor(4).overdueBy(T0.plusSeconds(1800))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void startingDropsSubMillisecondPrecisionBecauseEventsCarryMillis() {
        SlaClock precise = SlaClock.start("c-3", CRITICAL, T0.plusNanos(1_500_000));

        assertThat(precise.startedAt()).isEqualTo(T0.plusMillis(1));
    }
}
