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
import dev.heed.routing.topology.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving and reopening a complaint through its updates: the state says RESOLVED or REOPENED, by whom and when, an
 * open promise is kept by a resolution given in time, and nothing falls due for a resolved complaint. A critical
 * complaint (first warning at 7 min 30 s, breach at 15 min) comes at T0.
 */
class ResolutionTopologyTest {

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
    void aResolutionInTimeKeepsThePromiseEndsItAndNothingFallsDueAfter() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        Instant resolvedAt = PROMISED.minus(Duration.ofHours(2));
        routing.advanceTo(resolvedAt);
        routing.act("c-1", "r-1", resolvedAt, null, UpdateAction.RESOLVE);

        ComplaintState resolved = lastState();
        assertThat(resolved.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved).extracting(ComplaintState::getResolvedAt, ComplaintState::getResolvedBy, ComplaintState::getResolutions,
                ComplaintState::getReopenings).containsExactly(resolvedAt, "agent-9", 1, 0);
        assertThat(resolved).extracting(ComplaintState::getPromisesMade, ComplaintState::getPromisesKept, ComplaintState::getNextUpdateBy)
                .containsExactly(1, 1, null);
        assertThat(resolved.getAcknowledgedBy()).isEqualTo("agent-7");

        routing.advanceTo(PROMISED.plus(Duration.ofDays(2)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aResolutionAfterThePromiseWasBrokenEndsItsRemindersWithoutCountingItKept() {
        routing.acknowledge("c-1", "ack-1", ACKED, PROMISED);
        routing.advanceTo(PROMISED.plus(Duration.ofMinutes(20)));
        assertThat(kinds()).containsExactly(DueKind.PROMISE_WARNING, DueKind.PROMISE_BROKEN, DueKind.PROMISE_REPEAT);
        routing.act("c-1", "r-1", routing.now(), null, UpdateAction.RESOLVE);

        assertThat(lastState()).extracting(ComplaintState::getStatus, ComplaintState::getPromisesKept, ComplaintState::getPromisesBroken)
                .containsExactly(ComplaintStatus.RESOLVED, 0, 1);
        routing.advanceTo(PROMISED.plus(Duration.ofDays(1)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void resolvingAComplaintNobodyAcknowledgedAcknowledgesItAtTheResolutionAndStopsItsClock() {
        // Resolved at 6 min, before its first warning (7.5 min): no first-response point ever goes out.
        Instant resolvedAt = T0.plus(Duration.ofMinutes(6));
        routing.advanceTo(resolvedAt);
        routing.act("c-1", "r-1", resolvedAt, null, UpdateAction.RESOLVE);

        ComplaintState resolved = lastState();
        assertThat(resolved).extracting(ComplaintState::getStatus, ComplaintState::getAcknowledgedAt, ComplaintState::getAcknowledgedBy,
                ComplaintState::getResolvedAt, ComplaintState::getResolvedBy, ComplaintState::getNextDueAt, ComplaintState::getResolutions)
                .containsExactly(ComplaintStatus.RESOLVED, resolvedAt, "agent-9", resolvedAt, "agent-9", null, 1);
        assertThat(routing.entries(StoreNames.OPEN_CLOCKS)).isZero();

        routing.advanceTo(T0.plus(Duration.ofDays(1)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aResolutionOfAComplaintInBreachEndsItsReminders() {
        routing.advanceTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(kinds()).containsExactly(DueKind.WARNING, DueKind.WARNING, DueKind.BREACH);
        routing.act("c-1", "r-1", routing.now(), null, UpdateAction.RESOLVE);

        assertThat(lastState()).extracting(ComplaintState::getStatus, ComplaintState::getRemindersSent)
                .containsExactly(ComplaintStatus.RESOLVED, 3);
        routing.advanceTo(T0.plus(Duration.ofDays(1)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aReopenedComplaintMayPromiseAgainAndBeResolvedAgain() {
        routing.acknowledge("c-1", "ack-1", ACKED, null);
        routing.act("c-1", "r-1", ACKED.plusSeconds(60), null, UpdateAction.RESOLVE);
        Instant reopenedAt = ACKED.plus(Duration.ofHours(1));
        routing.advanceTo(reopenedAt);
        Instant promised = reopenedAt.plus(Duration.ofHours(2));
        routing.act("c-1", "o-1", reopenedAt, promised, UpdateAction.REOPEN);

        ComplaintState reopened = lastState();
        assertThat(reopened).extracting(ComplaintState::getStatus, ComplaintState::getResolvedAt, ComplaintState::getResolvedBy,
                ComplaintState::getResolutions, ComplaintState::getReopenings, ComplaintState::getNextUpdateBy)
                .containsExactly(ComplaintStatus.REOPENED, null, null, 1, 1, promised);
        // Its agents are told once, by whom and through which update, numbered before the new promise's points.
        assertThat(routing.due.readValuesToList()).singleElement().extracting(ResponseDue::getKind, ResponseDue::getReminderNumber,
                ResponseDue::getLevel, ResponseDue::getDueAt, ResponseDue::getReopenedBy, ResponseDue::getReopeningId, ResponseDue::getVerdictScore)
                .containsExactly(DueKind.REOPENED, 1, EscalationLevel.AGENT, reopenedAt, "agent-9", "o-1", null);

        // The reopened complaint's promise runs like any other.
        routing.advanceTo(promised);
        assertThat(routing.due.readValuesToList()).extracting(ResponseDue::getKind, ResponseDue::getReminderNumber)
                .containsExactly(tuple(DueKind.PROMISE_WARNING, 2), tuple(DueKind.PROMISE_BROKEN, 3));
        routing.act("c-1", "r-2", promised.plusSeconds(30), null, UpdateAction.RESOLVE);
        assertThat(lastState()).extracting(ComplaintState::getStatus, ComplaintState::getResolutions, ComplaintState::getReopenings,
                ComplaintState::getPromisesBroken).containsExactly(ComplaintStatus.RESOLVED, 2, 1, 1);
        routing.advanceTo(promised.plus(Duration.ofDays(1)));
        assertThat(routing.due.isEmpty()).isTrue();
    }

    @Test
    void aSecondResolutionAReopeningOfAnOpenComplaintAndARetryChangeNothing() {
        routing.acknowledge("c-1", "ack-1", ACKED, null);
        routing.act("c-1", "o-0", ACKED.plusSeconds(10), null, UpdateAction.REOPEN);
        assertThat(routing.state.isEmpty()).as("reopening an unresolved complaint writes nothing").isFalse();
        ComplaintState acknowledged = lastState();
        assertThat(acknowledged.getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(acknowledged.getReopenings()).isZero();

        routing.act("c-1", "r-1", ACKED.plusSeconds(20), null, UpdateAction.RESOLVE);
        routing.state.readValuesToList();
        routing.act("c-1", "r-1", ACKED.plusSeconds(20), null, UpdateAction.RESOLVE);
        routing.act("c-1", "r-2", ACKED.plusSeconds(30), null, UpdateAction.RESOLVE);
        assertThat(routing.state.isEmpty()).isTrue();
        assertThat(routing.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aPlainUpdateOfAResolvedComplaintKeepsItResolved() {
        routing.acknowledge("c-1", "ack-1", ACKED, null);
        routing.act("c-1", "r-1", ACKED.plusSeconds(20), null, UpdateAction.RESOLVE);
        Instant promised = ACKED.plus(Duration.ofHours(1));
        routing.update("c-1", "u-1", ACKED.plusSeconds(40), promised, false);

        assertThat(lastState()).extracting(ComplaintState::getStatus, ComplaintState::getNextUpdateBy)
                .containsExactly(ComplaintStatus.RESOLVED, promised);
    }

    private List<DueKind> kinds() {
        return routing.due.readValuesToList().stream().map(ResponseDue::getKind).toList();
    }

    private ComplaintState lastState() {
        return lastState("c-1");
    }

    private ComplaintState lastState(String id) {
        return routing.lastState(id);
    }
}
