package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.EscalationLevel;
import dev.heed.responder.console.PromiseHistory.Counts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The promise-kept rate per queue, from routing's counts on the complaints' state rows. */
class PromiseRatesTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldRateKeptAgainstKeptAndBrokenPerQueueLeavingReplacedAndOpenOut() {
        PromiseRates rates = PromiseRates.of(List.of(
                facts("a", "billing", new Counts(3, 2, 1, 0, null)),
                facts("b", "billing", new Counts(2, 0, 0, 1, T)),
                facts("c", "support", new Counts(1, 0, 1, 0, T)),
                facts("d", "support", new Counts(0, 0, 0, 0, null)),
                facts("e", "billing", null)));

        assertThat(rates.complaints()).isEqualTo(4);
        assertThat(rates.queues()).extracting(PromiseRates.Row::queue).containsExactly("billing", "support");
        PromiseRates.Row billing = rates.queues().get(0);
        assertThat(billing.complaints()).isEqualTo(2);
        assertThat(billing.made()).isEqualTo(5);
        assertThat(billing.kept()).isEqualTo(2);
        assertThat(billing.broken()).isEqualTo(1);
        assertThat(billing.replaced()).isEqualTo(1);
        assertThat(billing.open()).isEqualTo(1);
        assertThat(billing.keptRate()).isEqualTo(2.0 / 3);
        // Nothing kept or broken yet: no rate rather than 0 % or 100 %.
        assertThat(rates.queues().get(1).keptRate()).isNull();
    }

    @Test
    void shouldHaveNoRowsWithoutStateRows() {
        PromiseRates rates = PromiseRates.of(List.of(facts("a", "billing", null)));

        assertThat(rates.queues()).isEmpty();
        assertThat(rates.complaints()).isZero();
    }

    private static ComplaintFacts facts(String id, String queue, Counts counts) {
        return new ComplaintFacts(id, T, T, T, "HIGH", null, EscalationLevel.AGENT, 0, true, false, true, null, null, null,
                queue, counts, null, null, null, null, null, null, null);
    }
}
