package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldMeasureTheLongestGapBetweenTwo202sOfOnePartitionNotAcrossPartitions() {
        Ledger ledger = new Ledger();
        ledger.accepted("a", 0, T0);
        ledger.accepted("b", 1, T0.plusSeconds(1));
        ledger.accepted("c", 1, T0.plusSeconds(2));
        ledger.accepted("d", 0, T0.plusSeconds(9)); // partition 0 stalled 9 s while partition 1 went on
        ledger.accepted("e", 1, T0.plusSeconds(3));

        assertThat(ledger.longestStall()).isEqualTo(Duration.ofSeconds(9));
        assertThat(ledger.accepted()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void shouldKeepAnIdRetriedAfterA503InBothSets() {
        Ledger ledger = new Ledger();
        ledger.refused("x");
        ledger.unanswered("x");
        ledger.accepted("x", 2, T0);

        assertThat(ledger.refused()).containsExactly("x");
        assertThat(ledger.unanswered()).containsExactly("x");
        assertThat(ledger.accepted()).containsExactly("x");
        assertThat(ledger.posted()).containsExactly("x");
        assertThat(ledger.longestStall()).isZero();
    }
}
