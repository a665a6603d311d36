package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromiseLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final SlaPolicy HIGH = SlaPolicy.of("high", 1, Duration.ofMinutes(30));
    private static final Instant ACKED = T0.plus(Duration.ofMinutes(25));
    private static final Instant PROMISED = ACKED.plus(Duration.ofHours(2));

    /** The first-response clock warned twice (at 15 and 22.5 minutes) before the acknowledgement. */
    private final SlaClock stopped = SlaClock.start("c-1", HIGH, T0).catchUp(ACKED).clock();
    private final PromiseLedger acknowledged = PromiseLedger.after(stopped, "ack-1");

    private PromiseLedger promised() {
        PromiseLedger.Step step = acknowledged.promise("ack-1", HIGH, ACKED, PROMISED, ACKED);
        assertThat(step.events()).isEmpty();
        return step.ledger();
    }

    @Test
    void anAcknowledgementWithATimeMakesAPromiseNumberedAfterTheFirstResponsePoints() {
        PromiseLedger ledger = promised();

        assertThat(ledger.made()).isEqualTo(1);
        assertThat(ledger.promisedAt()).isEqualTo(PROMISED);
        assertThat(ledger.open().eventFor(1).reminderNumber()).isEqualTo(3);
        assertThat(ledger.pointsSent()).isEqualTo(2);
    }

    @Test
    void aReopeningIsOnePointAtTheLedgersLevelNumberedAfterEveryPointAndCountedSoTheNextPromiseFollowsIt() {
        Instant reopenedAt = ACKED.plus(Duration.ofDays(1));
        PromiseLedger.Step step = acknowledged.climbed().reopened(reopenedAt);

        assertThat(step.events()).singleElement().isEqualTo(new DueEvent("c-1", DueStage.REOPENED, reopenedAt, reopenedAt, 3, Level.TEAM_LEAD));
        assertThat(step.ledger()).extracting(PromiseLedger::pointsSent, PromiseLedger::level, PromiseLedger::made, PromiseLedger::lastReminderAt)
                .containsExactly(3, Level.TEAM_LEAD, 0, acknowledged.lastReminderAt());
        PromiseLedger promising = step.ledger().promise("o-1", HIGH, reopenedAt, reopenedAt.plus(Duration.ofHours(1)), reopenedAt).ledger();
        assertThat(promising.open().eventFor(1).reminderNumber()).isEqualTo(4);
    }

    @Test
    void anUpdateBeforeThePromisedTimeKeepsItAndEndsItsClock() {
        PromiseLedger.Step step = promised().update("u-1", HIGH, ACKED.plusSeconds(60), null, false, ACKED.plusSeconds(60));

        assertThat(step.events()).isEmpty();
        assertThat(step.ledger()).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced, PromiseLedger::broken)
                .containsExactly(1, 1, 0, 0);
        assertThat(step.ledger().open()).isNull();
        assertThat(step.ledger().applied("u-1")).isTrue();
    }

    @Test
    void anUpdateGivenInTimeButReadLateStillKeepsThePromiseAndOnlyTheOwedWarningGoesOut() {
        Instant given = PROMISED.minusSeconds(60);
        PromiseLedger.Step step = promised().update("u-1", HIGH, given, null, false, PROMISED.plus(Duration.ofMinutes(5)));

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_WARNING);
        assertThat(step.ledger().kept()).isEqualTo(1);
        assertThat(step.ledger().broken()).isZero();
        assertThat(step.ledger().pointsSent()).isEqualTo(3);
    }

    @Test
    void aPromiseWhoseTimePassesIsBrokenOnceAndALateUpdateDoesNotKeepIt() {
        PromiseLedger.Step due = promised().catchUp(PROMISED.plus(Duration.ofMinutes(30)), PROMISED.plus(Duration.ofMinutes(30)));
        assertThat(due.events()).extracting(DueEvent::kind)
                .containsExactly(DueStage.PROMISE_WARNING, DueStage.PROMISE_BROKEN, DueStage.PROMISE_REPEAT);
        assertThat(due.ledger().broken()).isEqualTo(1);
        assertThat(due.ledger().level()).isEqualTo(Level.AGENT);

        PromiseLedger.Step late = due.ledger().update("u-1", HIGH, PROMISED.plus(Duration.ofMinutes(40)), null, false,
                PROMISED.plus(Duration.ofMinutes(40)));

        assertThat(late.events()).isEmpty();
        assertThat(late.ledger()).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced, PromiseLedger::broken)
                .containsExactly(1, 0, 0, 1);
        assertThat(late.ledger().open()).isNull();
    }

    @Test
    void anUpdateAfterThePromisedTimeThatRoutingHadNotPunctuatedYetBreaksThePromiseFirst() {
        Instant after = PROMISED.plusSeconds(1);
        PromiseLedger.Step step = promised().update("u-1", HIGH, after, null, false, after);

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_WARNING, DueStage.PROMISE_BROKEN);
        assertThat(step.ledger().broken()).isEqualTo(1);
        assertThat(step.ledger().kept()).isZero();
    }

    @Test
    void anUpdateWithANewTimeKeepsTheOldPromiseAndMakesANewOneNumberedOn() {
        Instant given = ACKED.plus(Duration.ofHours(1));
        Instant next = given.plus(Duration.ofDays(1));
        PromiseLedger ledger = promised().update("u-1", HIGH, given, next, false, given).ledger();

        assertThat(ledger).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced).containsExactly(2, 1, 0);
        assertThat(ledger.promisedAt()).isEqualTo(next);
        assertThat(ledger.open().madeAt()).isEqualTo(given);
        assertThat(ledger.open().eventFor(1).reminderNumber()).isEqualTo(3);
    }

    @Test
    void aDelayBeforeThePromisedTimeReplacesThePromiseInsteadOfKeepingIt() {
        Instant given = PROMISED.minus(Duration.ofMinutes(10));
        Instant later = PROMISED.plus(Duration.ofHours(6));
        PromiseLedger.Step step = promised().update("u-1", HIGH, given, later, true, given);

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_WARNING);
        assertThat(step.ledger()).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced, PromiseLedger::broken)
                .containsExactly(2, 0, 1, 0);
        assertThat(step.ledger().promisedAt()).isEqualTo(later);
        assertThat(step.ledger().open().eventFor(1).reminderNumber()).isEqualTo(4);
    }

    @Test
    void aLaterAcknowledgementWithANewTimeReplacesAnOpenPromise() {
        Instant again = ACKED.plus(Duration.ofMinutes(30));
        PromiseLedger ledger = promised().promise("ack-2", HIGH, again, PROMISED.plus(Duration.ofHours(1)), again).ledger();

        assertThat(ledger).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced).containsExactly(2, 0, 1);
        assertThat(ledger.applied("ack-2")).isTrue();
    }

    @Test
    void aDelayWithoutANewTimeIsAnOrdinaryUpdate() {
        PromiseLedger ledger = promised().update("u-1", HIGH, ACKED.plusSeconds(60), null, true, ACKED.plusSeconds(60)).ledger();

        assertThat(ledger).extracting(PromiseLedger::kept, PromiseLedger::replaced).containsExactly(1, 0);
        assertThat(ledger.open()).isNull();
    }

    @Test
    void anUpdateWithNoOpenPromiseCountsNothingButMayPromise() {
        PromiseLedger ledger = acknowledged.update("u-1", HIGH, ACKED, null, false, ACKED).ledger();
        assertThat(ledger).extracting(PromiseLedger::made, PromiseLedger::kept, PromiseLedger::replaced, PromiseLedger::broken)
                .containsExactly(0, 0, 0, 0);

        PromiseLedger promising = acknowledged.update("u-1", HIGH, ACKED, PROMISED, true, ACKED).ledger();
        assertThat(promising).extracting(PromiseLedger::made, PromiseLedger::replaced).containsExactly(1, 0);
    }

    @Test
    void aRetryOfAnEarlierUpdateAfterALaterOneIsStillARetry() {
        PromiseLedger ledger = promised().update("u-1", HIGH, ACKED.plusSeconds(60), PROMISED, false, ACKED.plusSeconds(60)).ledger();
        ledger = ledger.update("u-2", HIGH, ACKED.plusSeconds(120), null, false, ACKED.plusSeconds(120)).ledger();

        assertThat(ledger.applied("u-1")).isTrue();
        assertThat(ledger.applied("u-2")).isTrue();
        assertThat(ledger.applied("ack-1")).isTrue();
        assertThat(ledger.applied("u-3")).isFalse();
        assertThat(ledger.lastEventId()).isEqualTo("u-2");
    }

    @Test
    void onlyTheLastFewIdsAreKept() {
        PromiseLedger ledger = promised();
        for (int i = 1; i <= PromiseLedger.REMEMBERED + 2; i++) {
            ledger = ledger.update("u-" + i, HIGH, ACKED.plusSeconds(i), null, false, ACKED.plusSeconds(i)).ledger();
        }
        assertThat(ledger.appliedIds()).hasSize(PromiseLedger.REMEMBERED).startsWith("u-3").endsWith("u-" + (PromiseLedger.REMEMBERED + 2));
        assertThat(ledger.applied("u-2")).isFalse();
    }

    @Test
    void anUpdateGivenAtThePromisedTimeItselfKeepsThePromise() {
        PromiseLedger.Step step = promised().update("u-1", HIGH, PROMISED, null, false, PROMISED.plusSeconds(5));

        assertThat(step.events()).extracting(DueEvent::kind).containsExactly(DueStage.PROMISE_WARNING);
        assertThat(step.ledger()).extracting(PromiseLedger::kept, PromiseLedger::broken).containsExactly(1, 0);
        PromiseLedger.Step late = promised().update("u-1", HIGH, PROMISED.plusMillis(1), null, false, PROMISED.plusSeconds(5));
        assertThat(late.ledger()).extracting(PromiseLedger::kept, PromiseLedger::broken).containsExactly(0, 1);
    }
}
