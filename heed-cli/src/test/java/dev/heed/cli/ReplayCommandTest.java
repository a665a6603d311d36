package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.Category;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Severity;
import dev.heed.events.UpdateAction;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyReplay;
import dev.heed.schemas.SampleEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-12-04T14:00:00Z");
    private static final String OFFICE = "office: zone=UTC hours=Mon-Fri/09:00-17:00";
    private static final String BUSINESS_HIGH = "high@2: severity=HIGH target=4h calendar=office";

    private final ReplayCommand command = new ReplayCommand(Clock.fixed(MONDAY, ZoneOffset.UTC));

    private ReplayCommand.Plan plan(Map<String, String> env, String... words) {
        return command.plan(CliArgs.parse(List.of(words), ReplayCommand.OPTIONS, ReplayCommand.SWITCHES), env);
    }

    @Test
    void theLiveBookIsRoutingsFromTheEnvironmentAndTheHorizonIsNowUnlessGiven() {
        var defaults = plan(Map.of(), "--policies", "high@2: severity=HIGH target=2h");
        var configured = plan(Map.of("HEED_SLA_POLICIES", "high@7: severity=HIGH target=3h"), "--policies", "high@2: severity=HIGH target=2h",
                "--until", "2026-12-01T00:00:00Z", "--json");

        assertThat(defaults.liveFrom()).isEqualTo("defaults");
        assertThat(defaults.horizon()).isEqualTo(MONDAY);
        assertThat(defaults.json()).isFalse();
        assertThat(highPolicy(defaults.live()).version()).isEqualTo(1);
        assertThat(highPolicy(defaults.candidate()).firstResponse()).isEqualTo(Duration.ofHours(2));
        assertThat(configured.liveFrom()).isEqualTo("HEED_SLA_POLICIES");
        assertThat(highPolicy(configured.live()).version()).isEqualTo(7);
        assertThat(configured.horizon()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(configured.json()).isTrue();
    }

    @Test
    void aCandidateMayNameRoutingsCalendarsOrItsOwn() {
        var fromRouting = plan(Map.of("HEED_SLA_CALENDARS", OFFICE), "--policies", BUSINESS_HIGH);
        var ownCalendar = plan(Map.of(), "--policies", BUSINESS_HIGH, "--calendars", OFFICE);

        assertThat(highPolicy(fromRouting.candidate()).calendar().name()).isEqualTo("office");
        assertThat(highPolicy(ownCalendar.candidate()).calendar().name()).isEqualTo("office");
        assertThat(highPolicy(ownCalendar.live()).calendar().alwaysOpen()).isTrue();
    }

    @Test
    void wrongUsageIsRefusedBeforeAnythingConnects() {
        assertThatThrownBy(() -> plan(Map.of())).isInstanceOf(UsageException.class).hasMessageContaining("needs --policies");
        assertThatThrownBy(() -> plan(Map.of(), "--policies", BUSINESS_HIGH)).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown calendar 'office'");
        assertThatThrownBy(() -> plan(Map.of(), "--policies", "high: severity=HIGH")).isInstanceOf(UsageException.class)
                .hasMessageContaining("missing target");
        assertThatThrownBy(() -> plan(Map.of(), "--policies", "high: severity=HIGH target=1h", "--until", "monday"))
                .isInstanceOf(UsageException.class).hasMessageContaining("ISO-8601");
        // Through the entry point, with no broker, registry or local run anywhere: exit 2, not a connection failure.
        CliRun run = CliRun.of(List.of("replay", "--until", "2026-12-07"), Map.of());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("needs --policies");
    }

    @Test
    void theTopicsAreJoinedByIdWithTheFirstEscalationAndTheEarliestAcknowledgement() {
        ReplayInput input = new ReplayInput();
        input.escalated(escalated("a", Severity.HIGH, MONDAY, Category.BILLING));
        input.escalated(escalated("a", Severity.LOW, MONDAY.minusSeconds(3600), Category.DELIVERY));
        input.escalated(escalated("b", Severity.UNKNOWN, MONDAY, Category.OTHER));
        input.acknowledged(ack("a", MONDAY.plusSeconds(600)));
        input.acknowledged(ack("a", MONDAY.plusSeconds(60)));
        input.acknowledged(ack("ghost", MONDAY));

        List<PolicyReplay.Complaint> complaints = input.complaints();

        assertThat(complaints).hasSize(2);
        PolicyReplay.Complaint a = complaints.get(0);
        assertThat(a.severity()).contains(SeverityLabel.HIGH);
        assertThat(a.receivedAt()).isEqualTo(MONDAY);
        assertThat(a.acknowledgedAt()).isEqualTo(MONDAY.plusSeconds(60));
        assertThat(complaints.get(1).severity()).isEmpty();
        assertThat(complaints.get(1).acknowledgedAt()).isNull();
        assertThat(input.escalationRecords()).isEqualTo(3);
        assertThat(input.repeatedEscalations()).isEqualTo(1);
        assertThat(input.acknowledgementRecords()).isEqualTo(3);
        assertThat(input.acknowledgedWithoutEscalation()).isEqualTo(1);
    }

    @Test
    void theReportPutsLiveAndCandidateSideBySide() throws Exception {
        ReplayInput input = new ReplayInput();
        // Acknowledged before its warnings under business hours, after two under the live one-hour target.
        input.escalated(escalated("monday", Severity.HIGH, MONDAY, Category.BILLING));
        input.acknowledged(ack("monday", MONDAY.plus(Duration.ofMinutes(50))));
        // Live: breached Friday 15:00, reminded every hour of the weekend. Business hours: due Monday 10:00.
        input.escalated(escalated("friday", Severity.HIGH, FRIDAY, Category.DELIVERY));
        input.acknowledged(ack("friday", MONDAY.plus(Duration.ofMinutes(30))));
        var plan = plan(Map.of(), "--policies", BUSINESS_HIGH, "--calendars", OFFICE, "--until", "2026-12-07T12:00:00Z");

        ReplayReport report = ReplayCommand.report(plan, input);
        String text = report.text();

        assertThat(text).startsWith("""
                2 complaints received 2026-12-04T14:00:00Z .. 2026-12-07T09:00:00Z, replayed to 2026-12-07T12:00:00Z
                2 acknowledged by then, 0 open
                read: 2 escalations (0 repeated), 2 acknowledgements (0 of complaints with no escalation), 0 unreadable records
                """);
        assertThat(text).contains(
                row("", "live (defaults)", "candidate"),
                row("complaints breached", "1 (50.0%)", "0 (0.0%)"),
                // monday 2 + friday 2 under both
                row("warnings", "4", "2"),
                row("repeats after the breach", "66", "0"),
                row("due points in all", "71", "2"),
                // four warnings, friday's breach and its first repeat; the 2nd and 3rd repeats; the other 63
                row("  to AGENT", "6", "2"),
                row("  to TEAM_LEAD", "2", "0"),
                row("  to MANAGER", "63", "0"),
                row("receipt to breach, median", "1h 00m", "-"),
                // Monday 09:00: monday's two warnings and friday's repeat
                row("busiest hour (UTC), points", "2026-12-07T09:00Z 3", "2026-12-04T16:00Z 1"),
                row("  delivery", "69", "2"),
                row("  billing", "2", "0"),
                row("  high@1", "2", "0"),
                row("  high@2", "0", "2"));
        // Neither book has a resolution target: one line says so, nothing else is new.
        assertThat(text).endsWith(row("  high@2", "0", "2") + "no resolution target in either book (policy key resolve); read: 0"
                + " updates, 0 resolutions and 0 reopenings among them (0 of complaints with no escalation), 0 resolutions of a"
                + " complaint resolved already\n");
        JsonNode json = JsonView.MAPPER.readTree(report.json().toString());
        assertThat(json.path("live").path("breached").asInt()).isEqualTo(1);
        assertThat(json.path("live").path("receiptToBreachMedian").asText()).isEqualTo("PT1H");
        assertThat(json.path("candidate").path("breached").asInt()).isZero();
        assertThat(json.path("candidate").path("pointsPerLevel").path("AGENT").asInt()).isEqualTo(2);
        assertThat(json.path("candidate").path("receiptToBreachMedian").isNull()).isTrue();
        assertThat(json.path("read").path("acknowledgements").asInt()).isEqualTo(2);
        assertThat(json.path("horizon").asText()).isEqualTo("2026-12-07T12:00:00Z");
    }

    @Test
    void resolutionsAndReopeningsJoinInTheirOrderEachUpdateIdOnce() {
        ReplayInput input = new ReplayInput();
        input.escalated(escalated("a", Severity.HIGH, MONDAY, Category.BILLING));
        input.updated(update("a", "u1", UpdateAction.UPDATE, MONDAY.plusSeconds(60)));
        input.updated(update("a", "u2", UpdateAction.RESOLVE, MONDAY.plusSeconds(120)));
        input.updated(update("a", "u2", UpdateAction.RESOLVE, MONDAY.plusSeconds(120)));
        input.updated(update("a", "u3", UpdateAction.REOPEN, MONDAY.plusSeconds(180)));
        input.updated(update("a", "u4", UpdateAction.RESOLVE, MONDAY.plusSeconds(240)));
        // Resolved again with no reopening on the topic: a customer's verdict reopened it, where the replay cannot see.
        input.updated(update("a", "u5", UpdateAction.RESOLVE, MONDAY.plusSeconds(300)));
        input.updated(update("a", "u6", UpdateAction.UNKNOWN, MONDAY.plusSeconds(360)));
        input.updated(update("ghost", "u7", UpdateAction.RESOLVE, MONDAY));

        PolicyReplay.Complaint a = input.complaints().get(0);

        assertThat(a.actions()).extracting(PolicyReplay.Action::kind, PolicyReplay.Action::at).containsExactly(
                tuple(PolicyReplay.Action.Kind.RESOLVE, MONDAY.plusSeconds(120)),
                tuple(PolicyReplay.Action.Kind.REOPEN, MONDAY.plusSeconds(180)),
                tuple(PolicyReplay.Action.Kind.RESOLVE, MONDAY.plusSeconds(240)),
                tuple(PolicyReplay.Action.Kind.RESOLVE, MONDAY.plusSeconds(300)));
        assertThat(a.escalatedAt()).isEqualTo(MONDAY.plusSeconds(2));
        assertThat(input.updateRecords()).isEqualTo(8);
        assertThat(input.resolutions()).isEqualTo(4);
        assertThat(input.reopenings()).isEqualTo(1);
        assertThat(input.actionsWithoutEscalation()).isEqualTo(1);
        assertThat(input.resolutionsOfResolved()).isEqualTo(1);
    }

    @Test
    void aResolutionTargetAddsItsBlockWhereABookWithoutOneShowsNothing() throws Exception {
        // Escalated two seconds after receipt (as SampleEvents' are): the resolution clocks count from there.
        ReplayInput input = new ReplayInput();
        // Resolved after 6 hours (its warning at 4 h, in time); reopened after a day and resolved 10 hours later: late,
        // after the new run's warning (1 d 4 h) and breach (1 d 8 h), before its first repeat (1 d 12 h).
        input.escalated(escalated("reopened", Severity.HIGH, MONDAY, Category.BILLING));
        input.acknowledged(ack("reopened", MONDAY.plusSeconds(60)));
        input.updated(update("reopened", "r1", UpdateAction.RESOLVE, MONDAY.plus(Duration.ofHours(6))));
        input.updated(update("reopened", "r2", UpdateAction.REOPEN, MONDAY.plus(Duration.ofDays(1))));
        input.updated(update("reopened", "r3", UpdateAction.RESOLVE, MONDAY.plus(Duration.ofHours(34))));
        // Never acknowledged, resolved just after 30 minutes: that stops its first-response clock after the first warning.
        input.escalated(escalated("quick", Severity.HIGH, MONDAY, Category.BILLING));
        input.updated(update("quick", "q1", UpdateAction.RESOLVE, MONDAY.plus(Duration.ofMinutes(30)).plusMillis(1)));
        // Open: warned at 4 h, due at 8 h, reminded every 4 h up to the horizon two days on (12 h .. 44 h: 9 repeats).
        input.escalated(escalated("open", Severity.HIGH, MONDAY, Category.DELIVERY));
        input.acknowledged(ack("open", MONDAY.plusSeconds(60)));
        var plan = plan(Map.of(), "--policies", "high@2: severity=HIGH target=1h resolve=8h resolve-warn=0.5 resolve-repeat=4h",
                "--until", "2026-12-09T09:00:00Z");

        ReplayReport report = ReplayCommand.report(plan, input);
        String text = report.text();

        assertThat(text).contains(
                row("resolution", "live (defaults)", "candidate"),
                row("complaints with a target", "none", "3 (100.0%)"),
                row("  resolved in time", "-", "1"),
                row("  resolved late", "-", "1"),
                row("  open past the target", "-", "1"),
                row("  open within the target", "-", "0"),
                row("resolutions", "-", "3"),
                row("reopenings", "-", "1"),
                // reopened: one per run; open: one
                row("resolution warnings", "-", "3"),
                row("resolution breaches", "-", "2"),
                row("resolution repeats", "-", "9"),
                // reopened's three; open's warning, breach and first repeat, its next two, its last six
                row("  to AGENT", "-", "6"),
                row("  to TEAM_LEAD", "-", "2"),
                row("  to MANAGER", "-", "6"),
                // 29m 58s (quick), 5h 59m 58s, 10h (from the reopening)
                row("escalation to resolution, median", "-", "5h 59m"),
                row("escalation to resolution, p90", "-", "10h 00m"),
                "read: 4 updates, 3 resolutions and 1 reopenings among them (0 of complaints with no escalation), 0 resolutions"
                        + " of a complaint resolved already\n");
        // The first response counts as before, quick's resolution acknowledging it: its 30-minute warning only.
        assertThat(text).contains("3 acknowledged by then, 0 open", row("warnings", "1", "1"));
        JsonNode json = JsonView.MAPPER.readTree(report.json().toString());
        assertThat(json.path("live").has("resolution")).isFalse();
        JsonNode resolution = json.path("candidate").path("resolution");
        assertThat(resolution.path("complaints").asInt()).isEqualTo(3);
        assertThat(resolution.path("resolvedLate").asInt()).isEqualTo(1);
        assertThat(resolution.path("points").asInt()).isEqualTo(14);
        assertThat(resolution.path("pointsPerLevel").path("MANAGER").asInt()).isEqualTo(6);
        assertThat(resolution.path("escalationToResolutionP90").asText()).isEqualTo("PT10H");
        assertThat(json.path("read").path("resolutions").asInt()).isEqualTo(3);
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(ReplayReport.duration(Duration.ofSeconds(450))).isEqualTo("7m 30s");
        assertThat(ReplayReport.duration(Duration.ofHours(4))).isEqualTo("4h 00m");
        assertThat(ReplayReport.duration(Duration.ofHours(68).plusMinutes(5))).isEqualTo("2d 20h 05m");
        assertThat(ReplayReport.duration(null)).isEqualTo("-");
    }

    private static String row(String label, String live, String candidate) {
        return String.format("%-34s %-25s %s", label, live, candidate).stripTrailing() + "\n";
    }

    private static dev.heed.routing.sla.SlaPolicy highPolicy(dev.heed.routing.sla.PolicyBook book) {
        return book.choose(SeverityLabel.HIGH, "WEB", dev.heed.routing.classify.CategoryLabel.OTHER);
    }

    private static ComplaintEscalated escalated(String id, Severity severity, Instant receivedAt, Category category) {
        ComplaintEscalated e = SampleEvents.escalated(id);
        e.setSeverity(severity);
        e.setReceivedAt(receivedAt);
        e.setEscalatedAt(receivedAt.plusSeconds(2));
        e.setCategories(List.of(category));
        return e;
    }

    private static ComplaintUpdated update(String id, String updateId, UpdateAction action, Instant at) {
        ComplaintUpdated update = SampleEvents.updated(id);
        update.setUpdateId(updateId);
        update.setAction(action);
        update.setUpdatedAt(at);
        update.setNextUpdateBy(null);
        return update;
    }

    private static ComplaintAcknowledged ack(String id, Instant at) {
        ComplaintAcknowledged ack = SampleEvents.acknowledged(id);
        ack.setAcknowledgedAt(at);
        return ack;
    }
}
