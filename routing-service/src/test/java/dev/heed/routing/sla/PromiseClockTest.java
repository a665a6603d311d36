package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromiseClockTest {

    private static final Instant MADE = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant PROMISED = MADE.plus(Duration.ofHours(4));
    /** Repeats every 15 minutes after the promise is broken, two points per level. */
    private static final SlaPolicy CRITICAL = SlaPolicy.of("critical", 3, Duration.ofMinutes(15));

    /** Three first-response points went out before the promise, so its points are the complaint's 4th, 5th, ... */
    private final PromiseClock clock = PromiseClock.start("c-1", CRITICAL, MADE, PROMISED, 3);

    @ParameterizedTest(name = "promise point {0} is a {2} at +{1}m for the {3}")
    @CsvSource({
            "1, 180, PROMISE_WARNING, AGENT",
            "2, 240, PROMISE_BROKEN,  AGENT",
            "3, 255, PROMISE_REPEAT,  AGENT",
            "4, 270, PROMISE_REPEAT,  TEAM_LEAD",
            "5, 285, PROMISE_REPEAT,  TEAM_LEAD",
            "6, 300, PROMISE_REPEAT,  MANAGER",
            "100, 1710, PROMISE_REPEAT, MANAGER",
    })
    void eachPointFallsAtItsTimeWithItsKindAndLevel(int n, long minutesAfterPromise, DueStage kind, Level level) {
        DueEvent event = clock.eventFor(n);

        assertThat(event.dueAt()).isEqualTo(MADE.plus(Duration.ofMinutes(minutesAfterPromise)));
        assertThat(event.kind()).isEqualTo(kind);
        assertThat(event.level()).isEqualTo(level);
        assertThat(event.reminderNumber()).isEqualTo(3 + n);
        assertThat(event.breachAt()).isEqualTo(PROMISED);
    }

    @Test
    void theWarningLeavesAQuarterOfTheSpanAndThePromiseBreaksAtThePromisedTimeExactly() {
        assertThat(clock.warningAt()).isEqualTo(PROMISED.minus(Duration.ofHours(1)));
        assertThat(clock.catchUp(PROMISED.minusMillis(1)).events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_WARNING);
        assertThat(clock.catchUp(PROMISED).events()).extracting(DueEvent::kind)
                .containsExactly(DueStage.PROMISE_WARNING, DueStage.PROMISE_BROKEN);
    }

    @Test
    void aPromiseAlreadyDueWhenMadeHasNoWarningAndBreaksAtOnce() {
        PromiseClock past = PromiseClock.start("c-1", CRITICAL, MADE, MADE.minusSeconds(60), 0);

        assertThat(past.warningAt()).isNull();
        assertThat(past.catchUp(MADE).events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_BROKEN);
    }

    @Test
    void aPromiseTooShortForAWarningBeforeItHasNone() {
        PromiseClock oneMilli = PromiseClock.start("c-1", CRITICAL, MADE, MADE.plusMillis(1), 0);

        assertThat(oneMilli.warningAt()).isNull();
        assertThat(oneMilli.eventFor(1).kind()).isEqualTo(DueStage.PROMISE_BROKEN);
    }

    @Test
    void catchingUpAfterALongGapEmitsEveryMissedPointOnceInOrderAndIsBroken() {
        PromiseClock.CatchUp result = clock.catchUp(PROMISED.plus(Duration.ofMinutes(30)));

        assertThat(result.events()).extracting(DueEvent::reminderNumber).containsExactly(4, 5, 6, 7);
        assertThat(result.clock().sent()).isEqualTo(4);
        assertThat(result.clock().broken()).isTrue();
        assertThat(result.clock().level()).isEqualTo(Level.TEAM_LEAD);
        assertThat(result.clock().nextDueAt()).isEqualTo(PROMISED.plus(Duration.ofMinutes(45)));
        assertThat(result.clock().catchUp(PROMISED.plus(Duration.ofMinutes(30))).events()).isEmpty();
    }

    @Test
    void beforeItsBrokenPointAPromiseIsNotBrokenEvenWhenWarned() {
        PromiseClock warned = clock.catchUp(PROMISED.minusSeconds(1)).clock();

        assertThat(warned.sent()).isEqualTo(1);
        assertThat(warned.broken()).isFalse();
        assertThat(warned.nextDueAt()).isEqualTo(PROMISED);
    }

    @Test
    void catchingUpPointByPointGivesTheSameEventsAsOneBigStep() {
        PromiseClock stepwise = clock;
        List<DueEvent> seen = new ArrayList<>();
        Instant end = PROMISED.plus(Duration.ofHours(2));
        for (Instant at = MADE; !at.isAfter(end); at = at.plusSeconds(97)) {
            PromiseClock.CatchUp step = stepwise.catchUp(at);
            seen.addAll(step.events());
            stepwise = step.clock();
        }
        seen.addAll(stepwise.catchUp(end).events());

        assertThat(seen).hasSize(10).isEqualTo(clock.catchUp(end).events());
    }

    @Test
    void repeatsAreCountedInThePolicysBusinessTime() {
        BusinessCalendar office = BusinessCalendar.parse("office", java.time.ZoneId.of("UTC"), "Mon-Fri 09:00-17:00", List.of());
        // Promised for Friday 16:50; the first repeat 15 business minutes later is Monday 09:05.
        Instant friday = Instant.parse("2026-01-09T16:50:00Z");
        PromiseClock late = PromiseClock.start("c-1", CRITICAL.in(office), friday.minus(Duration.ofHours(2)), friday, 0);

        assertThat(late.eventFor(2).dueAt()).isEqualTo(friday);
        assertThat(late.eventFor(3).dueAt()).isEqualTo(Instant.parse("2026-01-12T09:05:00Z"));
    }
}
