package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final DueSchedule SCHEDULE = new DueSchedule(List.of(T0.plusSeconds(5)), T0.plusSeconds(10), Duration.ofSeconds(10));

    private final Ledger ledger = new Ledger();
    private final List<Observation> records = new ArrayList<>();

    private Counts count(Instant horizon) {
        return Tally.count(ledger, records, horizon, GRACE);
    }

    /** A feedback that went all the way: received, classified, replied. */
    private void flowed(String id) {
        records.add(Observation.of(Stage.RECEIVED, id, T0));
        records.add(Observation.of(Stage.CLASSIFIED, id, T0));
        records.add(Observation.of(Stage.REPLIED, id, T0));
    }

    @Test
    void shouldCountNothingLostOrDuplicatedWhenEveryAcceptedFeedbackFlowedOnce() {
        ledger.accepted("a");
        ledger.accepted("b");
        flowed("a");
        flowed("b");

        Counts counts = count(T0);

        assertThat(counts.accepted()).isEqualTo(2);
        assertThat(counts.received()).isEqualTo(2);
        assertThat(counts.classified()).isEqualTo(2);
        assertThat(counts.replied()).isEqualTo(2);
        assertThat(counts.lost()).isZero();
        assertThat(counts.duplicated()).isZero();
    }

    @Test
    void shouldCountAnAcceptedFeedbackMissingAtEachStageAsLostOnce() {
        ledger.accepted("never-written");
        ledger.accepted("never-classified");
        ledger.accepted("never-replied");
        records.add(Observation.of(Stage.RECEIVED, "never-classified", T0));
        records.add(Observation.of(Stage.RECEIVED, "never-replied", T0));
        records.add(Observation.of(Stage.CLASSIFIED, "never-replied", T0));

        Counts counts = count(T0);

        assertThat(counts.lostReceived()).isEqualTo(1);
        assertThat(counts.lostClassified()).isEqualTo(2);
        assertThat(counts.lostReplied()).isEqualTo(3);
        assertThat(counts.lostIds()).isEqualTo(3);
        assertThat(counts.lost()).isEqualTo(3);
    }

    @Test
    void shouldAllowARefusedFeedbackOnTheTopicTwiceOnlyIfItIsClassifiedOnce() {
        ledger.refused("retried");
        ledger.accepted("retried");
        records.add(Observation.of(Stage.RECEIVED, "retried", T0)); // the 503'd write landed after all
        flowed("retried");                                         // and the retry was written again

        Counts counts = count(T0);

        assertThat(counts.receivedRepeats()).isEqualTo(1);
        assertThat(counts.unexplainedReceivedRepeats()).isZero();
        assertThat(counts.refusedWritten()).isEqualTo(1);
        assertThat(counts.refusedDuplicatedDownstream()).isZero();
        assertThat(counts.duplicated()).isZero();

        records.add(Observation.of(Stage.CLASSIFIED, "retried", T0));
        Counts notDeduplicated = count(T0);
        assertThat(notDeduplicated.refusedDuplicatedDownstream()).isEqualTo(1);
        assertThat(notDeduplicated.duplicateClassified()).isEqualTo(1);
        assertThat(notDeduplicated.duplicated()).isEqualTo(1);
    }

    @Test
    void shouldNotCallARefusedFeedbackWrittenWhenOnlyItsAcceptedRetryIsOnTheTopic() {
        ledger.refused("retried");
        ledger.accepted("retried");
        flowed("retried");

        assertThat(count(T0).refusedWritten()).isZero();
    }

    @Test
    void shouldCallARefusedFeedbackThatWasNeverAcceptedButIsOnTheTopicWritten() {
        ledger.refused("landed");
        records.add(Observation.of(Stage.RECEIVED, "landed", T0));

        assertThat(count(T0).refusedWritten()).isEqualTo(1);
    }

    @Test
    void shouldCountARefusedFeedbackThatWasNeverWrittenAsNeitherLostNorWritten() {
        ledger.refused("gone");

        Counts counts = count(T0);

        assertThat(counts.refused()).isEqualTo(1);
        assertThat(counts.refusedWritten()).isZero();
        assertThat(counts.lost()).isZero();
    }

    @Test
    void shouldCallARepeatOnFeedbackReceivedOfAnIdAcceptedAtFirstTryUnexplained() {
        ledger.accepted("once");
        flowed("once");
        records.add(Observation.of(Stage.RECEIVED, "once", T0));

        assertThat(count(T0).unexplainedReceivedRepeats()).isEqualTo(1);
        assertThat(count(T0).duplicated()).isEqualTo(1);
    }

    @Test
    void shouldCountEveryExtraRecordOfAStageThatMustHoldOnePerFeedback() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.of(Stage.CLASSIFIED, "c", T0));
        records.add(Observation.of(Stage.CLASSIFIED, "c", T0));
        records.add(Observation.of(Stage.REPLIED, "c", T0));
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.escalated("c", T0, SCHEDULE));

        Counts counts = count(T0);

        assertThat(counts.duplicateClassified()).isEqualTo(2);
        assertThat(counts.duplicateReplied()).isEqualTo(1);
        assertThat(counts.duplicateEscalated()).isEqualTo(1);
        assertThat(counts.duplicated()).isEqualTo(4);
    }

    @Test
    void shouldCountKeysNobodyPostedAsInvented() {
        records.add(Observation.of(Stage.CLASSIFIED, "from-nowhere", T0));

        assertThat(count(T0).invented()).isEqualTo(1);
    }

    @Test
    void shouldCountDuplicatesPerComplaintAndDuePointAndTheDuePointsNeverEmitted() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(5)));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(6))); // the warning twice
        // the breach at +10 s is missing; the repeat at +20 s is there
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(20), T0.plusSeconds(20)));

        Counts counts = count(T0.plusSeconds(25));

        assertThat(counts.duePoints()).isEqualTo(2);
        assertThat(counts.duplicateDuePoints()).isEqualTo(1);
        assertThat(counts.missingDuePoints()).isEqualTo(1);
        assertThat(counts.lost()).isEqualTo(1);
        // Before the horizon reaches the breach nothing is missing yet.
        assertThat(count(T0.plusSeconds(9)).missingDuePoints()).isZero();
    }

    @Test
    void shouldCountRemindersForDuePointsAfterTheAcknowledgementPlusGraceOnly() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(5)));
        records.add(Observation.of(Stage.ACKNOWLEDGED, "c", T0.plusSeconds(9)));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(10), T0.plusSeconds(10))); // within the grace: allowed
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(20), T0.plusSeconds(20))); // after it: a reminder too many

        Counts counts = count(T0.plusSeconds(60));

        assertThat(counts.acknowledged()).isEqualTo(1);
        assertThat(counts.remindersAfterAck()).isEqualTo(1);
        assertThat(Tally.remindersAfterAckExamples(ledger, records, GRACE, 10)).containsExactly(
                "c: due at %s, emitted at %s; acknowledged at %s (answered at null)".formatted(T0.plusSeconds(20),
                        T0.plusSeconds(20), T0.plusSeconds(9)));
        // The acknowledgement ends what was promised: nothing after it is missing.
        assertThat(counts.missingDuePoints()).isZero();
        // The repeats at +30 .. +60 were rightly never emitted; +20 was, so it is no stop.
        assertThat(counts.stoppedByAck()).isEqualTo(4);
    }

    @Test
    void shouldNotCountPromiseOrResolutionPointsAsRemindersAfterTheAcknowledgement() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(5)));
        records.add(Observation.of(Stage.ACKNOWLEDGED, "c", T0.plusSeconds(9)));
        // The agent promised an update by +30 and the policy wants a resolution by +40: both clocks run on after the
        // acknowledgement by design. The resolution's warning falls due at +20, the instant of the first-response
        // repeat the acknowledgement stopped; it is neither that repeat nor a duplicate of it.
        records.add(Observation.due("c", DueClock.PROMISE, T0.plusSeconds(30), T0.plusSeconds(30)));
        records.add(Observation.due("c", DueClock.RESOLUTION, T0.plusSeconds(20), T0.plusSeconds(20)));
        records.add(Observation.due("c", DueClock.RESOLUTION, T0.plusSeconds(40), T0.plusSeconds(40)));

        Counts counts = count(T0.plusSeconds(60));

        assertThat(counts.remindersAfterAck()).isZero();
        assertThat(Tally.remindersAfterAckExamples(ledger, records, GRACE, 10)).isEmpty();
        assertThat(counts.stoppedByAck()).isEqualTo(5);
        assertThat(counts.duePoints()).isEqualTo(4);
        assertThat(counts.duplicateDuePoints()).isZero();

        // The same resolution point twice is a duplicate like any other.
        records.add(Observation.due("c", DueClock.RESOLUTION, T0.plusSeconds(40), T0.plusSeconds(41)));
        assertThat(count(T0.plusSeconds(60)).duplicateDuePoints()).isEqualTo(1);
    }

    @Test
    void shouldCountAnAcknowledgementFromItsAnswerWhenTheWriteTookLongerThanItsOwnTime() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        // Stamped at +2 by the responder, but in Kafka only when the agent got the answer at +9 (a broker failing
        // over): the breach at +10 lies within the grace of that, so it is no reminder too many.
        records.add(Observation.of(Stage.ACKNOWLEDGED, "c", T0.plusSeconds(2)));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(5)));
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(10), T0.plusSeconds(10)));
        ledger.acknowledgementAnswered("c", T0.plusSeconds(9));

        assertThat(count(T0.plusSeconds(15)).remindersAfterAck()).isZero();
        // Missing due points end at the stamp: routing may have read it from then, so the warning was not owed
        // (counted from the answer, it would be: +5 is before +9 less the grace).
        records.remove(records.size() - 2);
        assertThat(count(T0.plusSeconds(15)).missingDuePoints()).isZero();
        // An answer for an acknowledgement that never reached the topic changes nothing.
        ledger.acknowledgementAnswered("x", T0);
        assertThat(count(T0.plusSeconds(15)).acknowledged()).isEqualTo(1);
    }

    @Test
    void shouldCountTheDuePointsAnAcknowledgementStopped() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.of(Stage.ACKNOWLEDGED, "c", T0.plusSeconds(2)));

        // Acknowledged at +2, so nothing after +4 (the grace is 2 s) may come: the warning (+5), the breach (+10)
        // and the repeat (+20) were stopped.
        Counts counts = count(T0.plusSeconds(25));
        assertThat(counts.stoppedByAck()).isEqualTo(3);
        assertThat(counts.remindersAfterAck()).isZero();
        assertThat(counts.missingDuePoints()).isZero();
    }

    @Test
    void shouldExpectTheDuePointsBeforeAnAcknowledgementLessTheGrace() {
        ledger.accepted("c");
        flowed("c");
        records.add(Observation.escalated("c", T0, SCHEDULE));
        records.add(Observation.of(Stage.ACKNOWLEDGED, "c", T0.plusSeconds(30)));

        // The warning (+5), the breach (+10) and the repeat at +20 fell due before the acknowledgement at +30.
        assertThat(count(T0.plusSeconds(60)).missingDuePoints()).isEqualTo(3);
    }

    @Test
    void shouldMeasureTheLatestEmissionOfADuePointAfterItFellDue() {
        records.add(Observation.due("c", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(6)));
        records.add(Observation.due("d", DueClock.FIRST_RESPONSE, T0.plusSeconds(5), T0.plusSeconds(38)));
        records.add(Observation.of(Stage.CLASSIFIED, "d", T0.plusSeconds(99)));

        assertThat(Tally.longestLateness(records)).isEqualTo(Duration.ofSeconds(33));
        assertThat(Tally.longestLateness(List.of())).isZero();
    }

    @Test
    void shouldGiveTheLatenessAtNearestRankPercentiles() {
        List<Duration> sorted = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofSeconds).toList();

        assertThat(Tally.percentiles(sorted, 50, 90, 100)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(9), Duration.ofSeconds(10));
        assertThat(Tally.percentiles(List.of(), 50)).containsExactly(Duration.ZERO);
    }
}
