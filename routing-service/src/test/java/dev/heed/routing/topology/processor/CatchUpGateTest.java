package dev.heed.routing.topology.processor;

import static dev.heed.routing.topology.processor.CatchUpGate.FRESH_WITHIN;
import static dev.heed.routing.topology.processor.CatchUpGate.WARM_UP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatchUpGateTest {

    private static final long T0 = 1_780_000_000_000L;

    @Test
    void aTaskThatKeepsUpEmitsEverythingDue() {
        CatchUpGate gate = new CatchUpGate(T0);
        gate.input(T0 + 500, T0 + 400);
        assertThat(gate.horizon(T0 + 1_000, T0 + 400)).isEqualTo(T0 + 1_000);
        gate.input(T0 + 1_500, T0 + 1_200);
        assertThat(gate.horizon(T0 + 2_000, T0 + 1_200)).isEqualTo(T0 + 2_000);
    }

    @Test
    void aTaskWorkingOffABacklogEmitsOnlyUpToItsStreamTimeUntilItCatchesUp() {
        CatchUpGate gate = new CatchUpGate(T0);
        // A minute of backlog after a failover: the records it processes are old.
        gate.input(T0 + 300, T0 - 60_000);
        assertThat(gate.horizon(T0 + 1_000, T0 - 60_000)).isEqualTo(T0 - 60_000 + FRESH_WITHIN);
        gate.input(T0 + 1_500, T0 - 30_000);
        assertThat(gate.horizon(T0 + 2_000, T0 - 30_000)).isEqualTo(T0 - 30_000 + FRESH_WITHIN);
        // Caught up: fresh records, and everything due goes out.
        gate.input(T0 + 2_500, T0 + 2_400);
        assertThat(gate.horizon(T0 + 3_000, T0 + 2_400)).isEqualTo(T0 + 3_000);
    }

    @Test
    void oneStaleRecordHoldsBackOnlyTheNextPunctuation() {
        CatchUpGate gate = new CatchUpGate(T0 - 60_000);
        gate.horizon(T0 - 50_000, T0 - 50_000);
        gate.input(T0, T0 - 10_000);
        assertThat(gate.horizon(T0 + 1_000, T0 - 10_000)).isEqualTo(T0 - 10_000 + FRESH_WITHIN);
        assertThat(gate.horizon(T0 + 2_000, T0 - 10_000)).isEqualTo(T0 + 2_000);
    }

    @Test
    void aStartingTaskWaitsForItsFirstRecordsThenAnIdleOneEmitsEverything() {
        CatchUpGate gate = new CatchUpGate(T0);
        long restoredStreamTime = T0 - 3_600_000;
        assertThat(gate.horizon(T0 + 1_000, restoredStreamTime)).isEqualTo(restoredStreamTime + FRESH_WITHIN);
        assertThat(gate.horizon(T0 + WARM_UP - 1, restoredStreamTime)).isEqualTo(restoredStreamTime + FRESH_WITHIN);
        // No input for the warm-up: idle, nothing to wait for.
        assertThat(gate.horizon(T0 + WARM_UP, restoredStreamTime)).isEqualTo(T0 + WARM_UP);
        assertThat(gate.horizon(T0 + WARM_UP + 1_000, restoredStreamTime)).isEqualTo(T0 + WARM_UP + 1_000);
    }

    @Test
    void aStartingTaskWithFreshInputStopsWaitingAtOnce() {
        CatchUpGate gate = new CatchUpGate(T0);
        gate.input(T0 + 200, T0 + 100);
        assertThat(gate.horizon(T0 + 1_000, T0 + 100)).isEqualTo(T0 + 1_000);
    }

    @Test
    void aTaskWithoutAnyStreamTimeNeverEmitsBeforeTheWarmUpPasses() {
        CatchUpGate gate = new CatchUpGate(T0);
        assertThat(gate.horizon(T0 + 1_000, -1)).isLessThan(T0);
        assertThat(gate.horizon(T0 + WARM_UP, -1)).isEqualTo(T0 + WARM_UP);
    }

    @Test
    void aPeekBetweenTwoPunctuationsAnswersAsTheNextWouldWithoutClosingItsWindow() {
        CatchUpGate gate = new CatchUpGate(T0 - 60_000);
        gate.horizon(T0 - 50_000, T0 - 50_000);
        gate.input(T0, T0 - 10_000);
        assertThat(gate.peek(T0 + 300, T0 - 10_000)).isEqualTo(T0 - 10_000 + FRESH_WITHIN);
        // The stale record still holds back the regular punctuation after the peek.
        assertThat(gate.horizon(T0 + 1_000, T0 - 10_000)).isEqualTo(T0 - 10_000 + FRESH_WITHIN);
        assertThat(gate.peek(T0 + 1_300, T0 - 10_000)).isEqualTo(T0 + 1_300);
    }
}
