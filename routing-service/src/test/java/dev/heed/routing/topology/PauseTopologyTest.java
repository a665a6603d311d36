package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.UpdateAction;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Putting a complaint on hold (WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY) pauses its resolution clock; a RESUME, or the
 * customer's reply it waits on, resumes it, every point not yet emitted moved by exactly the business time held. A
 * critical complaint must be resolved within 4 h (warning at 2 h, breach at 4 h); a high one within 8 Berlin business
 * hours (warning at 4).
 */
class PauseTopologyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PolicyBook POLICIES = PolicyBookFormat.parse("""
            crit: severity=CRITICAL target=15m resolve=4h resolve-warn=0.5 resolve-repeat=1h
            berlin-desk: severity=HIGH target=4h resolve=8h resolve-warn=0.5 calendar=berlin
            """, PolicyBookFormat.calendars("berlin: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00"));
    private static final Instant ACKED = T0.plus(Duration.ofMinutes(5));
    private static final Instant PAUSED = T0.plus(Duration.ofHours(1));

    @TempDir
    Path stateDir;

    private static RoutingDriver acknowledgedComplaint(Path stateDir) {
        RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0);
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        routing.advanceTo(ACKED);
        routing.acknowledge("c-1", ACKED);
        return routing;
    }

    @Test
    void aPauseBeforeTheWarningHoldsItAndTheResumeMovesEveryPointByExactlyTheTimeHeld() {
        try (RoutingDriver routing = acknowledgedComplaint(stateDir)) {
            onHold(routing, UpdateAction.WAIT_ON_CUSTOMER);
            ComplaintState waiting = routing.lastState("c-1");
            assertThat(waiting).extracting(ComplaintState::getStatus, ComplaintState::getPausedSince, ComplaintState::getResolutionDueAt,
                    ComplaintState::getPauses).containsExactly(ComplaintStatus.WAITING_ON_CUSTOMER, PAUSED, null, 1);

            routing.advanceTo(T0.plus(Duration.ofHours(3)));
            assertThat(routing.due.isEmpty()).as("the warning due at 2 h is held").isTrue();
            routing.act("c-1", "resume-1", T0.plus(Duration.ofHours(3)), null, UpdateAction.RESUME);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getPausedSince,
                    ComplaintState::getPausedMillis, ComplaintState::getResolutionDueAt)
                    .containsExactly(ComplaintStatus.ACKNOWLEDGED, null, Duration.ofHours(2).toMillis(), T0.plus(Duration.ofHours(6)));

            expect(routing, T0.plus(Duration.ofHours(4)), DueKind.RESOLUTION_WARNING, 1);
            expect(routing, T0.plus(Duration.ofHours(6)), DueKind.RESOLUTION_BREACH, 2);
        }
    }

    @Test
    void theCustomersReplyResumesAComplaintWaitingOnThem() {
        try (RoutingDriver routing = acknowledgedComplaint(stateDir)) {
            onHold(routing, UpdateAction.WAIT_ON_CUSTOMER);
            resumedByReply(routing, "Here is the photo you asked for", Duration.ofMinutes(90));
        }
    }

    @Test
    void whileWaitingOnAThirdPartyOnlyANegativeReplyResumes() {
        try (RoutingDriver routing = acknowledgedComplaint(stateDir)) {
            onHold(routing, UpdateAction.WAIT_ON_THIRD_PARTY);
            routing.advanceTo(T0.plus(Duration.ofMinutes(90)));
            reply(routing, "r-1", "Thanks for the news");
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getReplies)
                    .containsExactly(ComplaintStatus.WAITING_ON_THIRD_PARTY, 1);

            resumedByReply(routing, "This is taking far too long, CRITICAL", Duration.ofHours(1));
        }
    }

    @Test
    void aPauseOverABusinessHoursWeekendMovesThePointsByTheOpenHoursHeldOnly() {
        Instant friday = local("2026-03-06T10:00");
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, friday)) {
            routing.sendFeedback("b-1", "parcel lost HIGH", friday);
            routing.advanceTo(friday.plus(Duration.ofMinutes(5)));
            routing.acknowledge("b-1", friday.plus(Duration.ofMinutes(5)));
            assertThat(routing.lastState("b-1").getResolutionDueAt()).as("8 business hours: Monday 10:00").isEqualTo(local("2026-03-09T10:00"));

            routing.advanceTo(local("2026-03-06T12:00"));
            routing.act("b-1", "wait-1", local("2026-03-06T12:00"), null, UpdateAction.WAIT_ON_THIRD_PARTY);
            routing.advanceTo(local("2026-03-09T10:00"));
            assertThat(routing.due.isEmpty()).as("Friday's 14:00 warning and Monday's breach held").isTrue();
            routing.act("b-1", "resume-1", local("2026-03-09T10:00"), null, UpdateAction.RESUME);

            // Held: Friday 12:00-17:00 and Monday 09:00-10:00, six open hours; the weekend and the nights count for nothing.
            assertThat(routing.lastState("b-1")).extracting(ComplaintState::getResolutionDueAt, ComplaintState::getPausedMillis)
                    .containsExactly(local("2026-03-09T16:00"), Duration.ofHours(70).toMillis());
            expect(routing, local("2026-03-09T12:00"), DueKind.RESOLUTION_WARNING, 1);
            expect(routing, local("2026-03-09T16:00"), DueKind.RESOLUTION_BREACH, 2);
        }
    }

    @Test
    void aWaitOnAnUnacknowledgedComplaintAcknowledgesItAndItsFirstResponseClockStops() {
        try (RoutingDriver routing = new RoutingDriver(stateDir, POLICIES, T0)) {
            routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
            routing.advanceTo(ACKED);
            routing.act("c-1", "wait-1", ACKED, null, UpdateAction.WAIT_ON_CUSTOMER);

            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getAcknowledgedBy,
                    ComplaintState::getAcknowledgedAt).containsExactly(ComplaintStatus.WAITING_ON_CUSTOMER, "agent-9", ACKED);
            routing.advanceTo(T0.plus(Duration.ofHours(5)));
            assertThat(routing.due.isEmpty()).as("no first-response breach, no resolution point").isTrue();
        }
    }

    @Test
    void aResolutionEndsTheWaitCountingItAndAWaitOnAResolvedComplaintChangesNothing() {
        try (RoutingDriver routing = acknowledgedComplaint(stateDir)) {
            onHold(routing, UpdateAction.WAIT_ON_CUSTOMER);
            routing.act("c-1", "wait-2", PAUSED.plusSeconds(60), null, UpdateAction.WAIT_ON_THIRD_PARTY);
            assertThat(routing.lastState("c-1")).as("a switch continues the same pause")
                    .extracting(ComplaintState::getStatus, ComplaintState::getPausedSince, ComplaintState::getPauses)
                    .containsExactly(ComplaintStatus.WAITING_ON_THIRD_PARTY, PAUSED, 1);
            routing.advanceTo(T0.plus(Duration.ofHours(2)));
            routing.act("c-1", "res-1", T0.plus(Duration.ofHours(2)), null, UpdateAction.RESOLVE);
            assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getPausedSince,
                    ComplaintState::getPausedMillis).containsExactly(ComplaintStatus.RESOLVED, null, Duration.ofHours(1).toMillis());

            routing.act("c-1", "wait-3", T0.plus(Duration.ofHours(3)), null, UpdateAction.WAIT_ON_CUSTOMER);
            routing.act("c-1", "resume-1", T0.plus(Duration.ofHours(3)), null, UpdateAction.RESUME);
            assertThat(routing.state.isEmpty()).isTrue();
            routing.advanceTo(T0.plus(Duration.ofHours(8)));
            assertThat(routing.due.isEmpty()).isTrue();
        }
    }

    /** Puts the acknowledged complaint on hold at PAUSED, waiting as {@code wait} says. */
    private static void onHold(RoutingDriver routing, UpdateAction wait) {
        routing.advanceTo(PAUSED);
        routing.act("c-1", "wait-1", PAUSED, null, wait);
    }

    /**
     * The customer replies {@code text} when the complaint has been on hold for {@code held}: it is off hold, the pause
     * counted, and the resolution warning, due 2 h after T0, falls due {@code held} later.
     */
    private static void resumedByReply(RoutingDriver routing, String text, Duration held) {
        routing.advanceTo(PAUSED.plus(held));
        reply(routing, "r-last", text);
        assertThat(routing.lastState("c-1")).extracting(ComplaintState::getStatus, ComplaintState::getPausedSince,
                ComplaintState::getPausedMillis).containsExactly(ComplaintStatus.ACKNOWLEDGED, null, held.toMillis());
        expect(routing, T0.plus(Duration.ofHours(2)).plus(held), DueKind.RESOLUTION_WARNING, 1);
    }

    private static void reply(RoutingDriver routing, String id, String text) {
        FeedbackReceived reply = FeedbackReceived.newBuilder(RoutingDriver.feedback(id, text, routing.now())).setReplyTo("c-1").build();
        routing.feedback.pipeInput(id, reply, routing.now());
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    private static void expect(RoutingDriver routing, Instant dueAt, DueKind kind, int number) {
        routing.advanceTo(dueAt.minusMillis(1));
        assertThat(routing.due.isEmpty()).as("nothing before %s", dueAt).isTrue();
        routing.advanceTo(dueAt);
        ResponseDue event = routing.due.readValue();
        assertThat(event).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber, ResponseDue::getDueAt)
                .containsExactly(kind, number, dueAt);
        assertThat(routing.due.isEmpty()).isTrue();
    }
}
