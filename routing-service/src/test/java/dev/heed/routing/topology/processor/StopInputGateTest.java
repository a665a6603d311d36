package dev.heed.routing.topology.processor;

import static dev.heed.routing.topology.processor.StopInputGate.MAX_HOLD;
import static dev.heed.routing.topology.processor.StopInputGate.STALE_AFTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.topology.StopInputWatermarks.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopInputGateTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final List<String> STOPS = List.of("acks", "updates");

    /** A sample of partition 1 (partition 0 is far ahead, so a gate that read the wrong partition would show). */
    private static Sample sample(long takenAt, long ackEnd, long updateEnd, long ackRead, long updateRead) {
        return new Sample(takenAt, new long[][] {{900, ackEnd}, {900, updateEnd}},
                new long[][] {{900, ackRead}, {900, updateRead}});
    }

    @Test
    void aTaskThatHasReadEverythingEmitsUpToTheNewestSample() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        gate.processed("acks", 4);
        gate.processed("updates", 1);
        List<Sample> samples = List.of(sample(T0 - 500, 5, 2, -1, -1), sample(T0 - 250, 5, 2, -1, -1));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 250);
    }

    @Test
    void anUnreadAcknowledgementHoldsBackEverythingDueAfterTheLastSampleTheTaskHadReadUpTo() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        gate.processed("acks", 4);
        List<Sample> samples = List.of(sample(T0 - 3_000, 5, 0, -1, -1), sample(T0 - 2_000, 6, 0, -1, -1),
                sample(T0 - 1_000, 9, 0, -1, -1));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 3_000);
        gate.processed("acks", 7);
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 2_000);
        gate.processed("acks", 8);
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 1_000);
    }

    @Test
    void anUnreadUpdateHoldsBackToo() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        gate.processed("acks", 4);
        List<Sample> samples = List.of(sample(T0 - 2_000, 5, 0, -1, -1), sample(T0 - 1_000, 5, 1, -1, -1));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 2_000);
        gate.processed("updates", 0);
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 1_000);
    }

    @Test
    void recordsOfOtherTopicsDoNotCountAsRead() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        gate.processed("feedback", 50);
        assertThat(gate.horizon(T0, List.of(sample(T0 - 1_000, 1, 0, -1, -1)))).isEqualTo(T0 - MAX_HOLD);
    }

    @Test
    void aTaskThatReadNothingYetStandsAtTheReadOffsetOfTheNewestSample() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        // Resumed after a failover from offsets 5 and 2 that the other instance committed: nothing left to read.
        List<Sample> samples = List.of(sample(T0 - 2_000, 5, 2, 3, 2), sample(T0 - 1_000, 5, 2, 5, 2));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 1_000);
        // Committed short of the end: the records in between are still to be read.
        assertThat(gate.horizon(T0, List.of(sample(T0 - 1_000, 5, 2, 3, 2)))).isEqualTo(T0 - MAX_HOLD);
    }

    @Test
    void aCommittedOffsetPastATransactionMarkerCountsAsRead() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        // The last record is at 4; its commit marker at 5 is never processed, the committed offset steps over it.
        gate.processed("acks", 4);
        List<Sample> samples = List.of(sample(T0 - 1_000, 6, 0, 6, 0));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - 1_000);
    }

    @Test
    void recordsDeletedByRetentionAreNothingToRead() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        // Nothing was committed on a partition whose records all expired: its log starts at its end.
        assertThat(gate.horizon(T0, List.of(sample(T0 - 1_000, 40, 0, 40, -1)))).isEqualTo(T0 - 1_000);
    }

    @Test
    void emptyInputsAreReadByDefinition() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        assertThat(gate.horizon(T0, List.of(sample(T0 - 300, 0, 0, -1, -1)))).isEqualTo(T0 - 300);
        // A partition the sample does not know (added later, say) has no records in it.
        StopInputGate beyond = new StopInputGate(STOPS, 7);
        assertThat(beyond.horizon(T0, List.of(sample(T0 - 300, 5, 5, -1, -1)))).isEqualTo(T0 - 300);
    }

    @Test
    void noPointIsHeldLongerThanTheBound() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        List<Sample> samples = List.of(sample(T0 - MAX_HOLD - 5_000, 9, 0, -1, -1), sample(T0 - 1_000, 9, 0, -1, -1));
        assertThat(gate.horizon(T0, samples)).isEqualTo(T0 - MAX_HOLD);
    }

    @Test
    void noSamplesOrOnlyStaleOnesAreNoEvidence() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        assertThat(gate.horizon(T0, List.of())).isEqualTo(-1);
        assertThat(gate.horizon(T0, List.of(sample(T0 - STALE_AFTER - 1, 0, 0, -1, -1)))).isEqualTo(-1);
        assertThat(gate.horizon(T0, List.of(sample(T0 - STALE_AFTER, 0, 0, -1, -1)))).isEqualTo(T0 - STALE_AFTER);
    }

    @Test
    void aSampleTakenAfterThePunctuationStartedNeverLetsItEmitAheadOfTheWallClock() {
        StopInputGate gate = new StopInputGate(STOPS, 1);
        assertThat(gate.horizon(T0, List.of(sample(T0 + 40, 0, 0, -1, -1)))).isEqualTo(T0);
    }
}
