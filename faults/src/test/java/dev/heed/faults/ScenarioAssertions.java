package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

/** What every fault run must show, whatever the fault; adds its row to the fault table first. */
final class ScenarioAssertions {

    private ScenarioAssertions() {}

    static void assertClean(ScenarioResult result, int injected) {
        FaultReport.add(result.row(), result.counts());
        Counts counts = result.counts();
        assertThat(result.injected()).isEqualTo(injected);
        assertThat(result.unexpectedAnswers()).as("answers other than 202 and 503").isEmpty();
        assertThat(result.servicesAlive()).as("routing and responder still working").isTrue();
        assertThat(result.unreadable()).as("records the verifier could not read").isZero();
        // Not vacuous: feedback flowed, complaints escalated, due points fell due.
        assertThat(counts.accepted()).isGreaterThan(100);
        assertThat(counts.escalated()).isGreaterThan(10);
        assertThat(counts.duePoints()).isGreaterThan(10);
        assertThat(counts.lostIds()).as("accepted (202) feedback missing somewhere: " + counts).isZero();
        assertThat(counts.missingDuePoints()).as("due points never emitted: " + counts).isZero();
        assertThat(counts.refusedDuplicatedDownstream()).as("503s written and not deduplicated: " + counts).isZero();
        assertThat(counts.duplicated()).as("duplicates: " + counts).isZero();
    }

    /**
     * For a scenario whose agent acknowledged complaints during the faults: acknowledgements reached the topic and
     * stopped due points, so "reminders after acknowledgement" (asserted 0 in {@link #assertClean}) counted
     * something.
     */
    static void assertAcknowledgementsStoppedClocks(ScenarioResult result) {
        assertThat(result.counts().acknowledged()).as("complaints acknowledged: " + result.counts()).isGreaterThan(10);
        assertThat(result.counts().stoppedByAck()).as("due points stopped by an acknowledgement: " + result.counts())
                .isGreaterThan(10);
    }
}
