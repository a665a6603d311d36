package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resolution target of 3 days (warnings at half and three quarters, repeats every 12 h) on a policy climbing after 2. */
class ResolutionClockTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final SlaPolicy POLICY = SlaPolicy.of("high", 2, Duration.ofHours(1))
            .resolving(new ResolutionTarget(Duration.ofDays(3), List.of(0.5, 0.75), Duration.ofHours(12)));

    private final ResolutionClock clock = ResolutionClock.start("c-1", POLICY, T0);

    @Test
    void aPolicyWithoutAResolutionTargetStartsNoClock() {
        assertThat(ResolutionClock.start("c-1", SlaPolicy.of("high", 1, Duration.ofHours(1)), T0)).isNull();
    }

    @Test
    void warningsBreachAndClimbingRepeatsAreNumberedAfterTheOtherClocksPoints() {
        ResolutionClock.Step step = clock.catchUp(T0.plus(Duration.ofDays(4)), 10);

        assertThat(step.events()).extracting(DueEvent::kind, DueEvent::dueAt, DueEvent::reminderNumber, DueEvent::level).containsExactly(
                tuple(DueStage.RESOLUTION_WARNING, T0.plus(Duration.ofHours(36)), 11, Level.AGENT),
                tuple(DueStage.RESOLUTION_WARNING, T0.plus(Duration.ofHours(54)), 12, Level.AGENT),
                tuple(DueStage.RESOLUTION_BREACH, T0.plus(Duration.ofDays(3)), 13, Level.AGENT),
                tuple(DueStage.RESOLUTION_REPEAT, T0.plus(Duration.ofHours(84)), 14, Level.AGENT),
                tuple(DueStage.RESOLUTION_REPEAT, T0.plus(Duration.ofDays(4)), 15, Level.TEAM_LEAD));
        assertThat(step.events()).allMatch(e -> e.breachAt().equals(T0.plus(Duration.ofDays(3))));
        assertThat(step.clock()).extracting(ResolutionClock::pointsSent, ResolutionClock::breached, ResolutionClock::breaches,
                ResolutionClock::nextDueAt).containsExactly(5, true, 1, T0.plus(Duration.ofHours(108)));
        assertThat(clock.dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(clock.breached()).isFalse();
    }

    @Test
    void aPausedClockEmitsNothingAndItsResumeMovesEveryLaterPointByExactlyThePause() {
        // Paused after the first warning (36 h) and before the second (54 h), for 10 hours.
        ResolutionClock.Step paused = clock.pause(T0.plus(Duration.ofHours(40)), T0.plus(Duration.ofHours(41)), 0);
        assertThat(paused.events()).extracting(DueEvent::dueAt).as("the warning owed before the pause").containsExactly(T0.plus(Duration.ofHours(36)));
        assertThat(paused.clock()).extracting(ResolutionClock::paused, ResolutionClock::dueAt, ResolutionClock::nextDueAt)
                .containsExactly(true, null, null);
        assertThat(paused.clock().catchUp(T0.plus(Duration.ofDays(10)), 0).events()).isEmpty();
        assertThat(paused.clock().pause(T0.plus(Duration.ofHours(45)), T0.plus(Duration.ofHours(45)), 0).clock()).isEqualTo(paused.clock());

        ResolutionClock resumed = paused.clock().resume(T0.plus(Duration.ofHours(50)));
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.dueAt()).isEqualTo(T0.plus(Duration.ofHours(82)));
        assertThat(resumed.catchUp(T0.plus(Duration.ofHours(94)), 0).events()).extracting(DueEvent::kind, DueEvent::dueAt, DueEvent::reminderNumber)
                .containsExactly(tuple(DueStage.RESOLUTION_WARNING, T0.plus(Duration.ofHours(64)), 2),
                        tuple(DueStage.RESOLUTION_BREACH, T0.plus(Duration.ofHours(82)), 3),
                        tuple(DueStage.RESOLUTION_REPEAT, T0.plus(Duration.ofHours(94)), 4));
        assertThat(clock.resume(T0.plus(Duration.ofHours(50)))).as("not paused: nothing moves").isSameAs(clock);
    }

    @Test
    void aRepeatAfterTheBreachCountsFromItsLastPointMovedToo() {
        ResolutionClock breached = clock.catchUp(T0.plus(Duration.ofHours(84)), 0).clock();
        ResolutionClock resumed = breached.pause(T0.plus(Duration.ofHours(90)), T0.plus(Duration.ofHours(90)), 0).clock()
                .resume(T0.plus(Duration.ofHours(93)));

        assertThat(resumed.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(99)));
        assertThat(resumed.breached()).isTrue();
    }

    @Test
    void aResumeInBusinessHoursMovesThePointsByTheOpenHoursHeldOnly() {
        BusinessCalendar office = BusinessCalendar.parse("office", java.time.ZoneId.of("UTC"), "Mon-Fri 09:00-17:00", List.of());
        SlaPolicy policy = SlaPolicy.of("high", 2, Duration.ofHours(1)).in(office)
                .resolving(new ResolutionTarget(Duration.ofHours(8), List.of(0.5), Duration.ofHours(2)));
        // Friday 2026-01-09 10:00: warning at 14:00, due Monday 10:00; paused Friday 12:00 to Monday 10:00 (5 + 1 open hours).
        Instant friday = Instant.parse("2026-01-09T10:00:00Z");
        ResolutionClock resumed = ResolutionClock.start("c-1", policy, friday)
                .pause(Instant.parse("2026-01-09T12:00:00Z"), Instant.parse("2026-01-09T12:00:00Z"), 0).clock()
                .resume(Instant.parse("2026-01-12T10:00:00Z"));

        assertThat(resumed.nextDueAt()).isEqualTo(Instant.parse("2026-01-12T12:00:00Z"));
        assertThat(resumed.dueAt()).isEqualTo(Instant.parse("2026-01-12T16:00:00Z"));
        ResolutionClock overWeekendOnly = ResolutionClock.start("c-1", policy, friday)
                .pause(Instant.parse("2026-01-09T17:00:00Z"), Instant.parse("2026-01-09T17:00:00Z"), 0).clock()
                .resume(Instant.parse("2026-01-12T09:00:00Z"));
        assertThat(overWeekendOnly.dueAt()).as("no open hour held: nothing moves").isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
    }

    @Test
    void aResolutionOfAPausedClockStopsItWithNothingOwed() {
        ResolutionClock paused = clock.pause(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), 0).clock();
        ResolutionClock.Step resolved = paused.resolve(T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(5)), 0);

        assertThat(resolved.events()).isEmpty();
        assertThat(resolved.clock()).extracting(ResolutionClock::running, ResolutionClock::paused).containsExactly(false, false);
    }

    @Test
    void aResolutionEmitsThePointsOwedBeforeItAndStopsTheClock() {
        // Resolved at the breach's own millisecond: in time, so only the two warnings were owed.
        ResolutionClock.Step step = clock.resolve(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(5)), 0);

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.RESOLUTION_WARNING, DueStage.RESOLUTION_WARNING);
        ResolutionClock stopped = step.clock();
        assertThat(stopped).extracting(ResolutionClock::running, ResolutionClock::dueAt, ResolutionClock::nextDueAt,
                ResolutionClock::breached).containsExactly(false, null, null, false);
        assertThat(stopped.catchUp(T0.plus(Duration.ofDays(30)), 0).events()).isEmpty();
        assertThat(stopped.resolve(T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(30)), 0).clock()).isEqualTo(stopped);
    }

    @Test
    void aResolutionOwesNothingRoutingsClockHasNotReached() {
        // Given "at" the breach but read by routing at a warning's time: only what is due by routing's clock goes out.
        ResolutionClock.Step step = clock.resolve(T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofHours(36)), 0);

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.RESOLUTION_WARNING);
        assertThat(step.clock().running()).isFalse();
    }

    @Test
    void aReopeningStartsAFreshTargetFromItAndCountsTheEarlierRun() {
        // Resolved a day late: two warnings, the breach and a repeat went out (4 points).
        ResolutionClock late = clock.resolve(T0.plus(Duration.ofDays(4)), T0.plus(Duration.ofDays(4)), 0).clock();
        Instant reopenedAt = T0.plus(Duration.ofDays(10));

        ResolutionClock reopened = late.reopen(reopenedAt);

        assertThat(reopened).extracting(ResolutionClock::running, ResolutionClock::dueAt, ResolutionClock::breached,
                ResolutionClock::breaches, ResolutionClock::pointsSent)
                .containsExactly(true, reopenedAt.plus(Duration.ofDays(3)), false, 1, 4);
        assertThat(reopened.catchUp(reopenedAt.plus(Duration.ofHours(36)), 2).events())
                .extracting(DueEvent::kind, DueEvent::reminderNumber, DueEvent::level)
                .containsExactly(tuple(DueStage.RESOLUTION_WARNING, 7, Level.AGENT));
        assertThat(reopened.reopen(reopenedAt.plusSeconds(5))).as("reopening a running clock").isEqualTo(reopened);
        assertThat(reopened.lastReminderAt()).as("the last point's emission, kept across the reopening")
                .isEqualTo(late.lastReminderAt()).isNotNull();
    }

    @Test
    void aBusinessCalendarCountsTheTargetInItsHours() {
        BusinessCalendar office = BusinessCalendar.parse("office", java.time.ZoneId.of("UTC"), "Mon-Fri 09:00-17:00", List.of());
        // Friday 16:00: one hour on Friday, then Monday from 09:00.
        Instant friday = Instant.parse("2026-01-09T16:00:00Z");
        ResolutionClock inHours = ResolutionClock.start("c-2", POLICY.in(office), friday);

        // 72 business hours: 1 on Friday, 64 in the next eight working days, 7 on the ninth.
        assertThat(inHours.dueAt()).isEqualTo(Instant.parse("2026-01-22T16:00:00Z"));
    }
}
