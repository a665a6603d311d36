package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyReplayTest {

    // Monday 2026-12-07, 09:00 UTC.
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    private static final PolicyReplay DEFAULTS = new PolicyReplay(PolicyBook.defaults());

    private static PolicyReplay.Complaint high(String id, Instant received, Instant acknowledged, CategoryLabel... categories) {
        return complaint(id, SeverityLabel.HIGH, received, acknowledged, categories);
    }

    private static PolicyReplay.Complaint complaint(String id, SeverityLabel severity, Instant received, Instant acknowledged,
                                                    CategoryLabel... categories) {
        return new PolicyReplay.Complaint(id, Optional.of(severity), "WEB", List.of(categories), received, acknowledged);
    }

    @Test
    void anAcknowledgementBeforeTheBreachLeavesOnlyTheWarningsBeforeIt() {
        // Default high: warnings at 30 and 45 minutes, breach at 1 hour.
        var tally = DEFAULTS.replay(List.of(high("c-1", MONDAY, MONDAY.plus(Duration.ofMinutes(50)))), MONDAY.plus(Duration.ofDays(1)));

        assertThat(tally.complaints()).isEqualTo(1);
        assertThat(tally.acknowledged()).isEqualTo(1);
        assertThat(tally.breached()).isZero();
        assertThat(tally.warnings()).isEqualTo(2);
        assertThat(tally.points()).isEqualTo(2);
        assertThat(tally.pointsPerLevel()).containsEntry(Level.AGENT, 2).containsEntry(Level.TEAM_LEAD, 0);
        assertThat(tally.medianToBreach()).isNull();
    }

    @Test
    void aPointDueAtTheMomentOfTheAcknowledgementIsNotEmittedOneDueJustBeforeIs() {
        Instant breach = MONDAY.plus(Duration.ofHours(1));
        Instant horizon = MONDAY.plus(Duration.ofDays(1));

        assertThat(DEFAULTS.replay(List.of(high("c-1", MONDAY, breach)), horizon).breached()).isZero();
        assertThat(DEFAULTS.replay(List.of(high("c-1", MONDAY, breach.plusMillis(1))), horizon).breached()).isEqualTo(1);
    }

    @Test
    void anOpenComplaintRunsToTheHorizonClimbingAsRoutingClimbs() {
        // Breach at 1h, repeats every hour; two reminders per level from the breach on.
        var tally = DEFAULTS.replay(List.of(high("c-1", MONDAY, null, CategoryLabel.BILLING)), MONDAY.plus(Duration.ofHours(4)));

        assertThat(tally.acknowledged()).isZero();
        assertThat(tally.breached()).isEqualTo(1);
        assertThat(tally.warnings()).isEqualTo(2);
        assertThat(tally.repeats()).isEqualTo(3);
        // warnings 2 + breach + first repeat at AGENT; the repeats at 3h and 4h (the horizon itself counts) at TEAM_LEAD
        assertThat(tally.pointsPerLevel()).containsEntry(Level.AGENT, 4).containsEntry(Level.TEAM_LEAD, 2)
                .containsEntry(Level.MANAGER, 0);
        assertThat(tally.pointsPerQueue()).containsExactly(java.util.Map.entry("billing", 6));
        assertThat(tally.medianToBreach()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theHorizonLeavesOutLaterComplaintsAndLaterAcknowledgements() {
        Instant horizon = MONDAY.plus(Duration.ofHours(2));
        var tally = DEFAULTS.replay(List.of(
                high("acknowledged-after-horizon", MONDAY, horizon.plusSeconds(1)),
                high("received-after-horizon", horizon.plusSeconds(1), null)), horizon);

        assertThat(tally.complaints()).isEqualTo(1);
        assertThat(tally.receivedLater()).isEqualTo(1);
        assertThat(tally.acknowledged()).isZero();
        // open at the horizon: warnings, breach at 1h, repeat at 2h
        assertThat(tally.points()).isEqualTo(4);
    }

    @Test
    void timeToBreachAndTheBusiestHourAreCountedOverAllComplaints() {
        // Defaults: critical 15m, high 1h, medium 4h, low 24h; all open for two days.
        var tally = DEFAULTS.replay(List.of(
                complaint("c", SeverityLabel.CRITICAL, MONDAY, null),
                complaint("h", SeverityLabel.HIGH, MONDAY, null),
                complaint("m", SeverityLabel.MEDIUM, MONDAY, null),
                complaint("l", SeverityLabel.LOW, MONDAY, null)), MONDAY.plus(Duration.ofDays(2)));

        assertThat(tally.breached()).isEqualTo(4);
        assertThat(tally.medianToBreach()).isEqualTo(Duration.ofHours(1));
        assertThat(tally.p90ToBreach()).isEqualTo(Duration.ofHours(24));
        assertThat(tally.policies()).containsOnlyKeys("critical@1", "high@1", "medium@1", "low@1");
        // 09:00-10:00: critical's two warnings, breach and two repeats (09:07:30, 09:11:15, 09:15, 09:30, 09:45),
        // high's warnings (09:30, 09:45); the critical repeat at 10:00 starts the next hour. Monday 21:00 and Tuesday
        // 09:00 have seven too (low's warning, low's breach); of equally busy hours the earliest is reported.
        assertThat(tally.busiestHour()).isEqualTo(MONDAY);
        assertThat(tally.busiestHourPoints()).isEqualTo(7);
    }

    @Test
    void aCategoryPolicyOfTheCandidateBookChoosesByTheFirstCategoryAsRoutingDoes() {
        PolicyReplay candidate = new PolicyReplay(PolicyBookFormat.parse("billing-high@3: severity=HIGH category=BILLING target=30m"));

        var tally = candidate.replay(List.of(
                high("billing", MONDAY, MONDAY.plus(Duration.ofMinutes(40)), CategoryLabel.BILLING, CategoryLabel.DELIVERY),
                high("delivery", MONDAY, MONDAY.plus(Duration.ofMinutes(40)), CategoryLabel.DELIVERY, CategoryLabel.BILLING)),
                MONDAY.plus(Duration.ofDays(1)));

        assertThat(tally.policies()).containsEntry("billing-high@3", 1).containsEntry("high@1", 1);
        // Only the billing complaint breaches, at 30 minutes; the delivery one gets its 30-minute warning only.
        assertThat(tally.breached()).isEqualTo(1);
        assertThat(tally.pointsPerQueue()).containsEntry("billing", 3).containsEntry("delivery", 1);
    }

    @Test
    void businessHoursMoveAFridayAfternoonsBreachPastTheWeekend() {
        var calendars = PolicyBookFormat.calendars("office: zone=UTC hours=Mon-Fri/09:00-17:00");
        PolicyReplay candidate = new PolicyReplay(PolicyBookFormat.parse("high@2: severity=HIGH target=4h calendar=office", calendars));
        Instant friday = Instant.parse("2026-12-04T14:00:00Z");
        Instant saturday = Instant.parse("2026-12-05T10:00:00Z");
        List<PolicyReplay.Complaint> complaints = List.of(
                // acknowledged Monday 09:30: 3 business hours on Friday, the fourth would end Monday 10:00
                high("friday", friday, MONDAY.plus(Duration.ofMinutes(30))),
                // still open at Monday noon: its business clock started Monday 09:00
                high("saturday", saturday, null));
        Instant horizon = MONDAY.plus(Duration.ofHours(3));

        var live = DEFAULTS.replay(complaints, horizon);
        var business = candidate.replay(complaints, horizon);

        // Elapsed 1h: both breach over the weekend and are reminded every hour of it.
        assertThat(live.breached()).isEqualTo(2);
        // friday: breach Fri 15:00, repeats Fri 16:00 .. Mon 09:00 (66); saturday: breach Sat 11:00, repeats to Mon 12:00 (49)
        assertThat(live.repeats()).isEqualTo(66 + 49);
        assertThat(live.pointsPerLevel().get(Level.MANAGER)).isPositive();
        // Business hours: neither breaches; friday warned at 2h and 3h (Fri 16:00, 17:00), saturday at Mon 11:00 and 12:00.
        assertThat(business.breached()).isZero();
        assertThat(business.warnings()).isEqualTo(4);
        assertThat(business.points()).isEqualTo(4);
        assertThat(business.policies()).containsExactly(java.util.Map.entry("high@2", 2));
    }

    @Test
    void underBusinessHoursTheTimeToBreachIsElapsedTimeIncludingTheWeekend() {
        var calendars = PolicyBookFormat.calendars("office: zone=UTC hours=Mon-Fri/09:00-17:00");
        PolicyReplay candidate = new PolicyReplay(PolicyBookFormat.parse("high@2: severity=HIGH target=4h calendar=office", calendars));
        Instant friday = Instant.parse("2026-12-04T14:00:00Z");

        var tally = candidate.replay(List.of(high("friday", friday, null)), MONDAY.plus(Duration.ofHours(3)));

        // 3 business hours Friday, 1 on Monday: breach Monday 10:00, 68 hours after receipt.
        assertThat(tally.breached()).isEqualTo(1);
        assertThat(tally.medianToBreach()).isEqualTo(Duration.ofHours(68));
    }
}
