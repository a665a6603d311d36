package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseDue;
import dev.heed.events.UpdateAction;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolution clock through the topology with the wall clock moved by hand: from escalation, past the
 * acknowledgement, until a resolution; afresh from a reopening; numbered with the first-response and promise points;
 * in business hours across a holiday and the DST changes of Berlin and New York. (A restart: the TopologyTestDriver
 * keeps no state between instances, so {@code ClockRestoreTest} starts the processor on restored resolution clocks.)
 * Critical complaints resolve within 4 h (warning at 2 h, repeats every hour, climbing after 2); high ones within 16
 * business hours in Berlin, medium ones in New York; low ones have no resolution target.
 */
class ResolutionClockTopologyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final PolicyBook POLICIES = PolicyBookFormat.parse("""
            crit: severity=CRITICAL target=15m resolve=4h resolve-warn=0.5 resolve-repeat=1h climb-after=2
            berlin-desk: severity=HIGH target=4h resolve=16h resolve-warn=0.5 calendar=berlin
            new-york-desk: severity=MEDIUM target=4h resolve=16h resolve-warn=0.5 calendar=new-york
            """, PolicyBookFormat.calendars("berlin: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00 holidays=2026-12-25;"
            + "new-york: zone=America/New_York hours=Mon-Fri/09:00-17:00"));
    private static final Instant ACKED = T0.plus(Duration.ofMinutes(5));

    @TempDir
    Path stateDir;

    @Test
    void theClockKeepsRunningAfterTheAcknowledgementWarnsBreachesAndRepeatsClimbing() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
            assertThat(routing.lastState("c-1").getResolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
            routing.advanceTo(ACKED);
            routing.acknowledge("c-1", ACKED);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getResolutionDueAt)
                    .containsExactly(ComplaintStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(4)));

            expect(routing, T0.plus(Duration.ofHours(2)), DueKind.RESOLUTION_WARNING, 1, EscalationLevel.AGENT);
            assertThat(routing.lastState("c-1").getResolutionBreached()).isFalse();
            expect(routing, T0.plus(Duration.ofHours(4)), DueKind.RESOLUTION_BREACH, 2, EscalationLevel.AGENT);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getResolutionBreached, ComplaintState::getResolutionBreaches,
                    ComplaintState::getRemindersSent, ComplaintState::getLastReminderAt, ComplaintState::getStatus)
                    .containsExactly(true, 1, 2, T0.plus(Duration.ofHours(4)), ComplaintStatus.ACKNOWLEDGED);
            expect(routing, T0.plus(Duration.ofHours(5)), DueKind.RESOLUTION_REPEAT, 3, EscalationLevel.AGENT);
            expect(routing, T0.plus(Duration.ofHours(6)), DueKind.RESOLUTION_REPEAT, 4, EscalationLevel.TEAM_LEAD);
            expect(routing, T0.plus(Duration.ofHours(7)), DueKind.RESOLUTION_REPEAT, 5, EscalationLevel.TEAM_LEAD);
            expect(routing, T0.plus(Duration.ofHours(8)), DueKind.RESOLUTION_REPEAT, 6, EscalationLevel.MANAGER);
        }
    }

    @Test
    void aResolutionStopsItAndAReopeningGivesAFreshTargetFromTheReopeningNumberedAfterEveryEarlierPoint() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
            routing.advanceTo(ACKED);
            Instant promised = T0.plus(Duration.ofHours(1));
            routing.acknowledge("c-1", "ack-1", ACKED, promised);
            // The promise warns at 46:15 and is kept at 50 min; the resolution warns at 2 h, numbered after the promise's point.
            routing.advanceTo(T0.plus(Duration.ofMinutes(50)));
            routing.update("c-1", "u-1", routing.now(), null, false);
            routing.advanceTo(T0.plus(Duration.ofHours(2)));
            assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber)
                    .containsExactly(tuple(DueKind.PROMISE_WARNING, 1), tuple(DueKind.RESOLUTION_WARNING, 2));

            Instant resolvedAt = T0.plus(Duration.ofHours(3));
            routing.advanceTo(resolvedAt);
            routing.act("c-1", "r-1", resolvedAt, null, UpdateAction.RESOLVE);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getResolutionDueAt,
                    ComplaintState::getResolutionBreached).containsExactly(ComplaintStatus.RESOLVED, null, false);
            routing.advanceTo(T0.plus(Duration.ofHours(10)));
            assertThat(routing.due.isEmpty()).as("nothing falls due for a resolved complaint").isTrue();

            Instant reopenedAt = T0.plus(Duration.ofHours(10));
            routing.act("c-1", "o-1", reopenedAt, null, UpdateAction.REOPEN);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getResolutionDueAt,
                    ComplaintState::getReopenings).containsExactly(ComplaintStatus.REOPENED, reopenedAt.plus(Duration.ofHours(4)), 1);
            // Two points went out before (the promise's warning and the first run's), then the reopening's (3); the fresh
            // run's first is number 4.
            assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber)
                    .containsExactly(tuple(DueKind.REOPENED, 3));
            expect(routing, reopenedAt.plus(Duration.ofHours(2)), DueKind.RESOLUTION_WARNING, 4, EscalationLevel.AGENT);
            expect(routing, reopenedAt.plus(Duration.ofHours(4)), DueKind.RESOLUTION_BREACH, 5, EscalationLevel.AGENT);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getResolutionBreached, ComplaintState::getResolutionBreaches,
                    ComplaintState::getRemindersSent).containsExactly(true, 1, 5);

            routing.act("c-1", "r-2", routing.now(), null, UpdateAction.RESOLVE);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getResolutionDueAt,
                    ComplaintState::getResolutionBreached, ComplaintState::getResolutions).containsExactly(ComplaintStatus.RESOLVED, null, true, 2);
            routing.advanceTo(reopenedAt.plus(Duration.ofDays(2)));
            assertThat(routing.due.isEmpty()).isTrue();
        }
    }

    @Test
    void besideAnUnacknowledgedFirstResponseEveryPointHasItsOwnNumberAndAResolutionStopsBoth() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
            // First response: warnings at 7:30 and 11:15, breach at 15 min, repeats every 15 min; resolution warning at 2 h,
            // due at the same millisecond as a first-response repeat: the first response's goes out first.
            routing.advanceTo(T0.plus(Duration.ofHours(2)));
            routing.advanceTo(T0.plus(Duration.ofMinutes(135)));
            routing.advanceTo(T0.plus(Duration.ofMinutes(150)));
            List<ResponseDue> due = routing.due.readValuesToList();
            assertThat(due).extracting(ResponseDue::getReminderNumber).containsExactlyElementsOf(IntStream.rangeClosed(1, 13).boxed().toList());
            assertThat(due.get(9)).extracting(ResponseDue::getKind, ResponseDue::getDueAt)
                    .containsExactly(DueKind.REPEAT, T0.plus(Duration.ofHours(2)));
            assertThat(due.get(10)).extracting(ResponseDue::getKind, ResponseDue::getDueAt, ResponseDue::getBreachAt,
                    ResponseDue::getOverdueByMillis).containsExactly(DueKind.RESOLUTION_WARNING, T0.plus(Duration.ofHours(2)),
                    T0.plus(Duration.ofHours(4)), 0L);
            assertThat(due.get(11)).extracting(ResponseDue::getKind, ResponseDue::getDueAt)
                    .containsExactly(DueKind.REPEAT, T0.plus(Duration.ofMinutes(135)));

            routing.act("c-1", "r-1", routing.now(), null, UpdateAction.RESOLVE);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getRemindersSent,
                    ComplaintState::getResolutionDueAt).containsExactly(ComplaintStatus.RESOLVED, 13, null);
            routing.advanceTo(T0.plus(Duration.ofDays(1)));
            assertThat(routing.due.isEmpty()).isTrue();
        }
    }

    @Test
    void aPolicyWithoutAResolutionTargetHasNoResolutionClock() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("c-1", "parcel lost LOW", T0);
            routing.acknowledge("c-1", T0.plusSeconds(1));

            assertThat(routing.entries(StoreNames.RESOLUTION_CLOCKS)).isZero();
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getResolutionDueAt, ComplaintState::getResolutionBreached)
                    .containsExactly(null, false);
            routing.advanceTo(T0.plus(Duration.ofDays(30)));
            assertThat(routing.due.isEmpty()).isTrue();
        }
    }

    @Test
    void aFridayComplaintIsDueOnTuesdayAfterBerlinsClocksWentForward() {
        Instant received = local("2026-03-27T16:00", BERLIN); // Friday, CET (UTC+1)
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("berlin-1", "charged twice HIGH", received);
            routing.acknowledge("berlin-1", received.plusSeconds(60));

            // One business hour on Friday, eight on Monday 30 March (CEST, UTC+2), seven on Tuesday: 16:00 CEST.
            assertThat(routing.lastState("berlin-1").getResolutionDueAt()).isEqualTo(Instant.parse("2026-03-31T14:00:00Z"));
            expect(routing, Instant.parse("2026-03-30T14:00:00Z"), DueKind.RESOLUTION_WARNING, 1, EscalationLevel.AGENT);
            expect(routing, Instant.parse("2026-03-31T14:00:00Z"), DueKind.RESOLUTION_BREACH, 2, EscalationLevel.AGENT);
        }
    }

    @Test
    void aFridayComplaintIsDueOnTuesdayAfterNewYorksClocksWentBack() {
        Instant received = local("2026-10-30T16:00", NEW_YORK); // Friday, EDT (UTC-4)
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("ny-1", "parcel lost MEDIUM", received);
            routing.acknowledge("ny-1", received.plusSeconds(60));

            // Monday 2 November is EST (UTC-5): 16:00 there is 21:00 UTC.
            expect(routing, Instant.parse("2026-11-02T21:00:00Z"), DueKind.RESOLUTION_WARNING, 1, EscalationLevel.AGENT);
            expect(routing, Instant.parse("2026-11-03T21:00:00Z"), DueKind.RESOLUTION_BREACH, 2, EscalationLevel.AGENT);
        }
    }

    @Test
    void aHolidayIsSkippedAndNothingFallsDueWhileTheOfficeIsClosed() {
        Instant received = local("2026-12-24T16:00", BERLIN); // Thursday; Friday 25 December is a holiday
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, received)) {
            routing.sendFeedback("berlin-2", "refund refused HIGH", received);
            routing.acknowledge("berlin-2", received.plusSeconds(60));

            routing.advanceTo(local("2026-12-28T15:59:59.999", BERLIN));
            assertThat(routing.due.isEmpty()).isTrue();
            // One hour on Thursday, seven on Monday 28 December: the warning at 16:00; the breach on Tuesday at 16:00.
            expect(routing, local("2026-12-28T16:00", BERLIN), DueKind.RESOLUTION_WARNING, 1, EscalationLevel.AGENT);
            expect(routing, local("2026-12-29T16:00", BERLIN), DueKind.RESOLUTION_BREACH, 2, EscalationLevel.AGENT);
        }
    }

    @Test
    void aResolvedComplaintsStoppedClockIsForgottenWithTheComplaintAfterTheRetentionAndARunningOneIsNot() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("done", "charged twice CRITICAL", T0);
            routing.sendFeedback("open", "charged twice CRITICAL", T0);
            routing.act("done", "r-1", T0.plusSeconds(30), null, UpdateAction.RESOLVE);
            assertThat(routing.entries(StoreNames.RESOLUTION_CLOCKS)).isEqualTo(2);

            // A record a retention and a forget interval later moves stream time past the resolved one's last event.
            Duration retention = ClockSettings.DEFAULT_RETENTION;
            routing.sendFeedback("other", "fine, thanks", T0.plus(retention).plus(retention.dividedBy(4)).plusSeconds(31));

            assertThat(routing.store(StoreNames.RESOLUTION_CLOCKS).get("done")).isNull();
            assertThat(routing.store(StoreNames.PROMISES).get("done")).isNull();
            assertThat(routing.store(StoreNames.RESOLUTION_CLOCKS).get("open")).isNotNull();
        }
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static void expect(RoutingDriver routing, Instant dueAt, DueKind kind, int number, EscalationLevel level) {
        routing.advanceTo(dueAt.minusMillis(1));
        assertThat(routing.due.isEmpty()).as("nothing before %s", dueAt).isTrue();
        routing.advanceTo(dueAt);
        ResponseDue event = routing.due.readValue();
        assertThat(event).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber, ResponseDue::getDueAt, ResponseDue::getLevel)
                .containsExactly(kind, number, dueAt, level);
        assertThat(routing.due.isEmpty()).isTrue();
    }
}
