package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.EscalationLevel;
import dev.heed.responder.console.ComplaintFacts.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rate (answered / resolved) and mean score per queue, from routing's state rows. */
class VerdictRatesTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldRateAnsweredAgainstResolvedAndAverageTheScoresPerQueue() {
        VerdictRates rates = VerdictRates.of(List.of(
                facts("a", "billing", new Verdict(1, 5, T, "v-a", "great")),
                facts("b", "billing", new Verdict(2, 1, T, "v-b", null)),
                facts("c", "billing", new Verdict(1, null, null, null, null)),
                facts("d", "billing", new Verdict(1, null, null, null, null)),
                facts("e", "support", new Verdict(0, null, null, null, null)),
                facts("f", "support", new Verdict(1, null, null, null, null)),
                facts("g", "support", null)));

        assertThat(rates.complaints()).isEqualTo(6);
        assertThat(rates.queues()).extracting(VerdictRates.Row::queue).containsExactly("billing", "support");
        VerdictRates.Row billing = rates.queues().get(0);
        assertThat(billing).extracting(VerdictRates.Row::resolved, VerdictRates.Row::answered, VerdictRates.Row::negative,
                VerdictRates.Row::rate, VerdictRates.Row::meanScore).containsExactly(4, 2, 1, 0.5, 3.0);
        // Resolved, nobody answered yet: a rate of 0, no mean rather than a made-up one.
        VerdictRates.Row support = rates.queues().get(1);
        assertThat(support).extracting(VerdictRates.Row::resolved, VerdictRates.Row::answered, VerdictRates.Row::rate,
                VerdictRates.Row::meanScore).containsExactly(1, 0, 0.0, null);
    }

    @Test
    void aReopenedComplaintWithItsVerdictStillCountsAsResolvedAndAnswered() {
        // Reopened by its verdict: routing's row keeps the resolution count and the verdict.
        VerdictRates rates = VerdictRates.of(List.of(facts("a", "billing", new Verdict(1, 2, T, "v-a", "no"))));
        assertThat(rates.queues()).singleElement().extracting(VerdictRates.Row::resolved, VerdictRates.Row::answered,
                VerdictRates.Row::negative).containsExactly(1, 1, 1);
    }

    private static ComplaintFacts facts(String id, String queue, Verdict verdict) {
        return new ComplaintFacts(id, T, T, T, "HIGH", null, EscalationLevel.AGENT, 0, true, false, true, null, null, null,
                queue, null, verdict == null ? null : "RESOLVED", null, null, verdict, null, null, null);
    }
}
