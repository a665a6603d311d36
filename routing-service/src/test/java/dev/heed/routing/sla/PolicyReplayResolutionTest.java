package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyReplay.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyReplay} with a resolution target: each complaint's {@link ResolutionClock} run through its resolutions and
 * reopenings, counted apart from the first response.
 */
class PolicyReplayResolutionTest {

    // Monday 2026-12-07, 09:00 UTC.
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-12-04T14:00:00Z");
    // Resolve within 2 days, warned at 1 day, reminded every 12 hours after the breach, climbing after 2 points a level.
    private static final PolicyReplay TWO_DAYS = new PolicyReplay(PolicyBookFormat.parse(
            "high@2: severity=HIGH target=1h resolve=2d resolve-warn=0.5 resolve-repeat=12h"));

    /** Received five minutes before its escalation, so a count from the wrong start shows. */
    private static PolicyReplay.Complaint high(String id, Instant escalated, Instant acknowledged, Action... actions) {
        return new PolicyReplay.Complaint(id, Optional.of(SeverityLabel.HIGH), "WEB", List.of(), escalated.minus(Duration.ofMinutes(5)),
                escalated, acknowledged, List.of(actions));
    }

    private static Action resolve(Duration after) {
        return new Action(Action.Kind.RESOLVE, MONDAY.plus(after));
    }

    private static Action reopen(Duration after) {
        return new Action(Action.Kind.REOPEN, MONDAY.plus(after));
    }

    private static Duration days(double days) {
        return Duration.ofMinutes((long) (days * 24 * 60));
    }

    @Test
    void aComplaintResolvedBeforeItsTargetGetsOnlyTheWarningsBeforeItsResolution() {
        var tally = TWO_DAYS.replay(List.of(high("c-1", MONDAY, MONDAY.plusSeconds(60), resolve(days(1.5)))), MONDAY.plus(days(10)));

        ResolutionReplay.Tally resolution = tally.resolution();
        assertThat(resolution.complaints()).isEqualTo(1);
        assertThat(resolution.resolvedInTime()).isEqualTo(1);
        assertThat(resolution.resolvedLate() + resolution.openPastTarget() + resolution.openWithinTarget()).isZero();
        assertThat(resolution.warnings()).isEqualTo(1);
        assertThat(resolution.breaches() + resolution.repeats()).isZero();
        assertThat(resolution.resolutions()).isEqualTo(1);
        // From the escalation, not from the receipt five minutes before it.
        assertThat(resolution.medianToResolution()).isEqualTo(Duration.ofHours(36));
        // The first-response tally is unchanged by the resolution clock: acknowledged after a minute, nothing due.
        assertThat(tally.points()).isZero();
    }

    @Test
    void aResolutionAtTheDueMillisecondIsInTimeOneAMillisecondLaterIsLate() {
        Instant horizon = MONDAY.plus(days(10));

        var atDue = TWO_DAYS.replay(List.of(high("c-1", MONDAY, MONDAY, resolve(days(2)))), horizon).resolution();
        var after = TWO_DAYS.replay(List.of(high("c-1", MONDAY, MONDAY, resolve(days(2).plusMillis(1)))), horizon).resolution();

        assertThat(atDue.resolvedInTime()).isEqualTo(1);
        assertThat(atDue.breaches()).isZero();
        assertThat(after.resolvedLate()).isEqualTo(1);
        assertThat(after.breaches()).isEqualTo(1);
    }

    @Test
    void aLateResolutionCountsTheBreachAndTheRepeatsBeforeIt() {
        var resolution = TWO_DAYS.replay(List.of(high("c-1", MONDAY, MONDAY, resolve(days(3)))), MONDAY.plus(days(10))).resolution();

        assertThat(resolution.resolvedLate()).isEqualTo(1);
        // warning at 1d, breach at 2d, repeat at 2.5d; the one at 3d is the resolution's own millisecond
        assertThat(resolution.warnings()).isEqualTo(1);
        assertThat(resolution.breaches()).isEqualTo(1);
        assertThat(resolution.repeats()).isEqualTo(1);
        assertThat(resolution.points()).isEqualTo(3);
        assertThat(resolution.pointsPerLevel()).containsEntry(Level.AGENT, 3).containsEntry(Level.TEAM_LEAD, 0);
        assertThat(resolution.medianToResolution()).isEqualTo(days(3));
    }

    @Test
    void aReopeningStartsAFreshTargetAndTheLastRunDecides() {
        var resolution = TWO_DAYS.replay(List.of(high("c-1", MONDAY, MONDAY,
                reopen(days(0.5)),   // not resolved yet: nothing, as routing does
                resolve(days(1.5)),  // in time, after the warning at 1d
                resolve(days(1.75)), // resolved already: nothing
                reopen(days(4)),     // fresh target from here: warning at 5d, due 6d, repeat at 6.5d
                resolve(days(7)))), MONDAY.plus(days(10))).resolution();

        assertThat(resolution.complaints()).isEqualTo(1);
        assertThat(resolution.resolutions()).isEqualTo(2);
        assertThat(resolution.reopenings()).isEqualTo(1);
        assertThat(resolution.resolvedLate()).isEqualTo(1);
        assertThat(resolution.resolvedInTime()).isZero();
        assertThat(resolution.warnings()).isEqualTo(2);
        assertThat(resolution.breaches()).isEqualTo(1);
        assertThat(resolution.repeats()).isEqualTo(1);
        // 1.5 days for the first, 3 days from the reopening for the second
        assertThat(resolution.medianToResolution()).isEqualTo(days(1.5));
        assertThat(resolution.p90ToResolution()).isEqualTo(days(3));
    }

    @Test
    void anOpenComplaintRunsToTheHorizonAndActionsAfterItCountAsNone() {
        Instant horizon = MONDAY.plus(days(3));
        var resolution = TWO_DAYS.replay(List.of(
                // warning 1d, breach 2d, repeats 2.5d and 3d (the horizon counts), the second at TEAM_LEAD
                high("past", MONDAY, MONDAY, resolve(days(3).plusMillis(1))),
                // reopened at 2d, due again at 4d: within its target at the horizon, its new run's warning at it
                high("reopened", MONDAY, MONDAY, resolve(days(1.5)), reopen(days(2))),
                // escalated after 2d 1h, its warning after the horizon
                high("young", MONDAY.plus(days(2)).plusSeconds(3600), null)), horizon).resolution();

        assertThat(resolution.complaints()).isEqualTo(3);
        assertThat(resolution.openPastTarget()).isEqualTo(1);
        assertThat(resolution.openWithinTarget()).isEqualTo(2);
        assertThat(resolution.resolutions()).isEqualTo(1);
        assertThat(resolution.reopenings()).isEqualTo(1);
        // past: 1 + 1 + 2; reopened: a warning at 1d and one at 3d
        assertThat(resolution.warnings()).isEqualTo(3);
        assertThat(resolution.breaches()).isEqualTo(1);
        assertThat(resolution.repeats()).isEqualTo(2);
        assertThat(resolution.pointsPerLevel()).containsEntry(Level.AGENT, 5).containsEntry(Level.TEAM_LEAD, 1);
    }

    @Test
    void aPolicyWithoutATargetCountsNothingForResolutionButAResolutionStillAcknowledges() {
        PolicyReplay defaults = new PolicyReplay(PolicyBook.defaults());
        Instant horizon = MONDAY.plus(days(3));
        // Default high: warnings at 30 and 45 minutes, breach at 1 hour. Resolved after 50 minutes by an agent who never
        // acknowledged it: routing counts that resolution as the acknowledgement and stops the first-response clock.
        var resolvedUnacknowledged = List.of(high("c-1", MONDAY, null, resolve(Duration.ofMinutes(50))));
        var acknowledged = List.of(high("c-1", MONDAY, MONDAY.plus(Duration.ofMinutes(50))));

        var tally = defaults.replay(resolvedUnacknowledged, horizon);

        assertThat(tally.resolution().complaints()).isZero();
        assertThat(tally.resolution().points()).isZero();
        assertThat(tally.resolution().medianToResolution()).isNull();
        assertThat(tally.acknowledged()).isEqualTo(1);
        assertThat(tally.breached()).isZero();
        assertThat(tally.warnings()).isEqualTo(2);
        assertThat(tally).usingRecursiveComparison().isEqualTo(defaults.replay(acknowledged, horizon));
        // An acknowledgement before the resolution stops it there.
        var earlier = defaults.replay(List.of(high("c-1", MONDAY, MONDAY.plus(Duration.ofMinutes(40)), resolve(Duration.ofMinutes(50)))), horizon);
        assertThat(earlier.warnings()).isEqualTo(1);
    }

    @Test
    void aBusinessHoursTargetCountsOnlyOpeningHoursWhereAnElapsedOneBreachesOverTheWeekend() {
        var calendars = PolicyBookFormat.calendars("office: zone=UTC hours=Mon-Fri/09:00-17:00");
        PolicyReplay elapsed = new PolicyReplay(PolicyBookFormat.parse("high@2: severity=HIGH target=1h resolve=16h"));
        PolicyReplay business = new PolicyReplay(PolicyBookFormat.parse(
                "high@3: severity=HIGH target=1h resolve=16h calendar=office", calendars));
        // Escalated Friday 14:00, resolved Tuesday 12:00.
        Instant tuesdayNoon = Instant.parse("2026-12-08T12:00:00Z");
        var complaints = List.of(new PolicyReplay.Complaint("friday", Optional.of(SeverityLabel.HIGH), "WEB", List.of(), FRIDAY, FRIDAY,
                FRIDAY.plusSeconds(600), List.of(new Action(Action.Kind.RESOLVE, tuesdayNoon))));
        Instant horizon = tuesdayNoon.plus(days(7));

        var inElapsedTime = elapsed.replay(complaints, horizon).resolution();
        var inBusinessTime = business.replay(complaints, horizon).resolution();

        // 16 hours elapsed: warnings Fri 22:00 and Sat 02:00, due Sat 06:00, repeats every 16 h: Sat 22:00, Sun 14:00,
        // Mon 06:00, Mon 22:00 (Tue 14:00 is after the resolution), climbing after two a level.
        assertThat(inElapsedTime.resolvedLate()).isEqualTo(1);
        assertThat(inElapsedTime.warnings()).isEqualTo(2);
        assertThat(inElapsedTime.breaches()).isEqualTo(1);
        assertThat(inElapsedTime.repeats()).isEqualTo(4);
        assertThat(inElapsedTime.pointsPerLevel()).isEqualTo(Map.of(Level.AGENT, 4, Level.TEAM_LEAD, 2, Level.MANAGER, 1));
        // 16 business hours: 3 on Friday, 8 on Monday, due Tuesday 14:00; warnings at 8 h (Mon 14:00) and 12 h (Mon 18:00
        // is after hours: Tue 10:00).
        assertThat(inBusinessTime.resolvedInTime()).isEqualTo(1);
        assertThat(inBusinessTime.warnings()).isEqualTo(2);
        assertThat(inBusinessTime.breaches() + inBusinessTime.repeats()).isZero();
        // Elapsed time either way: Friday 14:00 to Tuesday 12:00.
        assertThat(inElapsedTime.medianToResolution()).isEqualTo(Duration.ofHours(94));
        assertThat(inBusinessTime.medianToResolution()).isEqualTo(Duration.ofHours(94));
    }
}
