package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.UpdateAction;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseDue;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise ledger through the whole topology: an acknowledgement or update with a {@code nextUpdateBy} starts a
 * promise clock, an update keeps it, a delay or a later acknowledgement replaces it, and a promise nobody keeps breaks
 * and climbs. The default critical policy repeats every 15 minutes and climbs after 2 points.
 */
class PromiseLedgerTopologyTest {

    /** Acknowledged five minutes after receipt, before the first warning (7.5 min): no first-response point went out. */
    private static final Instant ACKED = T0.plus(Duration.ofMinutes(5));
    private static final Instant PROMISED = ACKED.plus(Duration.ofHours(4));

    @TempDir
    Path stateDir;
    private RoutingDriver routing;

    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir);
        routing.sendFeedback("c-1", "charged twice CRITICAL", T0);
        routing.advanceTo(ACKED);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void aPromiseNobodyKeepsWarnsBreaksAtThePromisedTimeAndRepeatsClimbingLevels() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        ComplaintState acknowledged = lastState();
        assertThat(acknowledged.getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(acknowledged.getNextUpdateBy()).isEqualTo(PROMISED);
        assertThat(acknowledged.getPromisesMade()).isEqualTo(1);

        // A quarter of the four hours is left at the warning.
        expectDueAt(PROMISED.minus(Duration.ofHours(1)), DueKind.PROMISE_WARNING, 1, EscalationLevel.AGENT);
        expectDueAt(PROMISED, DueKind.PROMISE_BROKEN, 2, EscalationLevel.AGENT);
        assertThat(lastState().getPromisesBroken()).isEqualTo(1);
        expectDueAt(PROMISED.plus(Duration.ofMinutes(15)), DueKind.PROMISE_REPEAT, 3, EscalationLevel.AGENT);
        expectDueAt(PROMISED.plus(Duration.ofMinutes(30)), DueKind.PROMISE_REPEAT, 4, EscalationLevel.TEAM_LEAD);
        expectDueAt(PROMISED.plus(Duration.ofMinutes(45)), DueKind.PROMISE_REPEAT, 5, EscalationLevel.TEAM_LEAD);
        expectDueAt(PROMISED.plus(Duration.ofMinutes(60)), DueKind.PROMISE_REPEAT, 6, EscalationLevel.MANAGER);

        ComplaintState last = lastState();
        assertThat(last.getRemindersSent()).isEqualTo(6);
        assertThat(last.getLevel()).isEqualTo(EscalationLevel.MANAGER);
        assertThat(last.getPromisesBroken()).isEqualTo(1);
        assertThat(last.getNextDueAt()).isNull();
    }

    @Test
    void anUpdateBeforeThePromisedTimeKeepsThePromiseAndNothingFallsDueAfterIt() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        routing.advanceTo(ACKED.plus(Duration.ofHours(1)));
        routing.update("c-1", "u-1", routing.now(), null, false);
        routing.advanceTo(T0.plus(Duration.ofDays(2)));

        assertThat(routing.due.isEmpty()).isTrue();
        ComplaintState last = lastState();
        assertThat(last).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesKept, ComplaintState::getPromisesReplaced,
                ComplaintState::getPromisesBroken).containsExactly(1, 1, 0, 0);
        assertThat(last.getNextUpdateBy()).isNull();
        assertThat(routing.entries(StoreNames.PROMISE_DUE_INDEX)).isZero();
    }

    @Test
    void anUpdateWithANewTimeKeepsThePromiseAndStartsTheNextOnesClock() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        Instant given = ACKED.plus(Duration.ofHours(1));
        Instant next = given.plus(Duration.ofHours(2));
        routing.advanceTo(given);
        routing.update("c-1", "u-1", given, next, false);
        assertThat(lastState()).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesKept, ComplaintState::getNextUpdateBy)
                .containsExactly(2, 1, next);

        // The first promise's warning (at PROMISED - 1 h) never comes; the new one's come at its own times.
        expectDueAt(given.plus(Duration.ofMinutes(90)), DueKind.PROMISE_WARNING, 1, EscalationLevel.AGENT);
        expectDueAt(next, DueKind.PROMISE_BROKEN, 2, EscalationLevel.AGENT);
        routing.advanceTo(PROMISED.plus(Duration.ofHours(1)));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getPromisedAt)
                .containsOnly(tuple(DueKind.PROMISE_REPEAT, next));
    }

    @Test
    void aDelayBeforeThePromisedTimeReplacesThePromiseAndMovesItsClock() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        Instant given = ACKED.plus(Duration.ofHours(2));
        Instant later = PROMISED.plus(Duration.ofHours(4));
        routing.advanceTo(given);
        routing.update("c-1", "u-1", given, later, true);

        assertThat(lastState()).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesKept,
                ComplaintState::getPromisesReplaced, ComplaintState::getNextUpdateBy).containsExactly(2, 0, 1, later);
        routing.advanceTo(PROMISED.plus(Duration.ofMinutes(30)));
        assertThat(routing.due.isEmpty()).as("the replaced promise neither warns nor breaks").isTrue();
        // Six hours from the delay to the new time: the warning 1.5 h before it.
        expectDueAt(later.minus(Duration.ofMinutes(90)), DueKind.PROMISE_WARNING, 1, EscalationLevel.AGENT);
    }

    @Test
    void aLaterAcknowledgementWithANewTimeReplacesThePromiseAndARetryChangesNothing() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        routing.advanceTo(ACKED.plus(Duration.ofMinutes(30)));
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        // The escalation's row and the acknowledgement's; the retry writes none.
        assertThat(routing.state.readValuesToList()).extracting(ComplaintState::getStatus)
                .containsExactly(ComplaintStatus.OPEN, ComplaintStatus.ACKNOWLEDGED);
        routing.acknowledge("c-1", "ack-2", routing.now(), PROMISED.plus(Duration.ofDays(1)));

        assertThat(lastState()).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesReplaced, ComplaintState::getNextUpdateBy)
                .containsExactly(2, 1, PROMISED.plus(Duration.ofDays(1)));
    }

    @Test
    void anUpdateAfterTheBrokenPromiseEndsItsRemindersButIsNotCountedAsKept() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        routing.advanceTo(PROMISED.plus(Duration.ofMinutes(20)));
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind)
                .containsExactly(DueKind.PROMISE_WARNING, DueKind.PROMISE_BROKEN, DueKind.PROMISE_REPEAT);
        routing.update("c-1", "u-1", routing.now(), null, false);
        routing.update("c-1", "u-1", routing.now(), null, false);
        routing.advanceTo(PROMISED.plus(Duration.ofDays(1)));

        assertThat(routing.due.isEmpty()).isTrue();
        assertThat(lastState()).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesKept, ComplaintState::getPromisesBroken,
                ComplaintState::getNextUpdateBy).containsExactly(1, 0, 1, null);
    }

    @Test
    void aRetryOfAnEarlierUpdateGivenAfterALaterOneChangesNothing() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        Instant given = ACKED.plus(Duration.ofMinutes(30));
        routing.advanceTo(given);
        routing.update("c-1", "u-1", given, PROMISED, false);
        routing.update("c-1", "u-2", given.plusSeconds(60), null, false);
        int rows = routing.state.readValuesToList().size();
        routing.update("c-1", "u-1", given, PROMISED, false);

        assertThat(routing.state.isEmpty()).as("the retry writes no state (%s rows before)", rows).isTrue();
        routing.advanceTo(PROMISED.plus(Duration.ofDays(1)));
        assertThat(routing.due.isEmpty()).as("the retry made no promise again").isTrue();
    }

    @Test
    void anUpdateForAComplaintNobodyAcknowledgedChangesNothing() {
        routing.update("c-1", "u-1", routing.now(), PROMISED, false);
        routing.update("unknown", "u-2", routing.now(), PROMISED, false);

        assertThat(routing.state.readValuesToList()).extracting(ComplaintState::getStatus).containsExactly(ComplaintStatus.OPEN);
        assertThat(routing.deadLetters.isEmpty()).isTrue();
        assertThat(routing.entries(StoreNames.PROMISES)).isZero();
    }

    @Test
    void aResolvedIdleComplaintIsForgottenOnStreamTimeAfterTheRetentionButNotAnUnresolvedOneNorOneWithAPromiseOpen() {
        routing.acknowledge("c-1", "ack-1", ACKED, null);
        routing.sendFeedback("c-2", "charged twice CRITICAL", ACKED);
        routing.acknowledge("c-2", "ack-2", ACKED, ACKED.plus(Duration.ofDays(30)));
        routing.sendFeedback("c-3", "charged twice CRITICAL", ACKED);
        routing.acknowledge("c-3", "ack-3", ACKED, null);
        routing.act("c-3", "r-3", ACKED, null, UpdateAction.RESOLVE);
        assertThat(routing.entries(StoreNames.PROMISES)).isEqualTo(3);

        Duration retention = ClockSettings.DEFAULT_RETENTION;
        routing.sendFeedback("other", "fine, thanks", ACKED.plus(retention).plus(retention.dividedBy(4)).plusSeconds(1));

        assertThat(routing.store(StoreNames.PROMISES).get("c-3")).isNull();
        assertThat(routing.store(StoreNames.PROMISES).get("c-1")).as("unresolved: open until resolved").isNotNull();
        assertThat(routing.store(StoreNames.PROMISES).get("c-2")).isNotNull();
    }

    @Test
    void anAcknowledgementBeforeItsEscalationKeepsItsPromiseAndALaterUpdateFindsTheComplaint() {
        // Acknowledged (say, by an agent who saw the feedback in the console) before routing escalated it.
        Instant promised = ACKED.plus(Duration.ofHours(2));
        routing.acknowledge("c-early", "ack-early", ACKED, promised);
        routing.sendFeedback("c-early", "charged twice CRITICAL", ACKED);

        ComplaintState acknowledged = lastState("c-early");
        assertThat(acknowledged.getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(acknowledged).extracting(ComplaintState::getPromisesMade, ComplaintState::getNextUpdateBy, ComplaintState::getAcknowledgedBy)
                .containsExactly(1, promised, "agent-7");
        assertThat(routing.store(StoreNames.PROMISES).get("c-early")).isNotNull();

        routing.advanceTo(promised);
        assertThat(routing.due.readKeyValuesToList()).filteredOn(kv -> kv.key.equals("c-early")).extracting(kv -> kv.value.getKind())
                .containsExactly(DueKind.PROMISE_WARNING, DueKind.PROMISE_BROKEN);
        routing.update("c-early", "u-early", routing.now(), null, false);
        routing.advanceTo(promised.plus(Duration.ofDays(1)));
        assertThat(routing.due.readKeyValuesToList()).filteredOn(kv -> kv.key.equals("c-early")).isEmpty();
        assertThat(lastState("c-early")).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesBroken,
                ComplaintState::getNextUpdateBy).containsExactly(1, 1, null);
    }

    @Test
    void anAcknowledgementBeforeItsEscalationWithoutAPromiseStartsNoClockOfAnyKind() {
        routing.acknowledge("c-early", "ack-early", ACKED, null);
        routing.sendFeedback("c-early", "charged twice CRITICAL", ACKED);
        routing.advanceTo(T0.plus(Duration.ofDays(3)));

        assertThat(routing.due.readKeyValuesToList()).filteredOn(kv -> kv.key.equals("c-early")).isEmpty();
        assertThat(lastState("c-early")).extracting(ComplaintState::getStatus, ComplaintState::getPromisesMade, ComplaintState::getRemindersSent)
                .containsExactly(ComplaintStatus.ACKNOWLEDGED, 0, 0);
    }

    private void expectDueAt(Instant dueAt, DueKind kind, int number, EscalationLevel level) {
        routing.advanceTo(dueAt.minusMillis(1));
        assertThat(routing.due.isEmpty()).as("nothing before %s", dueAt).isTrue();

        routing.advanceTo(dueAt);
        ResponseDue event = routing.due.readValue();

        assertThat(event.getKind()).isEqualTo(kind);
        assertThat(event.getReminderNumber()).isEqualTo(number);
        assertThat(event.getLevel()).isEqualTo(level);
        assertThat(event.getDueAt()).isEqualTo(dueAt);
        assertThat(event.getEmittedAt()).isEqualTo(dueAt);
        assertThat(event.getBreachAt()).isEqualTo(event.getPromisedAt());
        assertThat(routing.due.isEmpty()).isTrue();
    }

    private ComplaintState lastState() {
        return lastState("c-1");
    }

    private ComplaintState lastState(String id) {
        return routing.lastState(id);
    }
}
