package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryTallyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Delivery delivery(String id, String key, String text, int second) {
        return new Delivery(id, key, "/replies", Map.of("text", text), true, T0.plusSeconds(second));
    }

    @Test
    void shouldCountNoRepeatWhenEveryIdArrivedOnce() {
        DeliveryCounts counts = DeliveryTally.count(List.of(delivery("m1", "reply|a", "hi", 0), delivery("m2", "reply|b", "hi", 1)));

        assertThat(counts.received()).isEqualTo(2);
        assertThat(counts.distinctIds()).isEqualTo(2);
        assertThat(counts.repeats()).isZero();
        assertThat(counts.repeatedIds()).isZero();
        assertThat(counts.keysUnderSeveralIds()).isZero();
        assertThat(counts.longestGap()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldCountARepeatOfTheSameIdAndBodyAsIdentical() {
        DeliveryCounts counts = DeliveryTally.count(List.of(
                delivery("m1", "reply|a", "hi", 0), delivery("m1", "reply|a", "hi", 30), delivery("m1", "reply|a", "hi", 31)));

        assertThat(counts.received()).isEqualTo(3);
        assertThat(counts.distinctIds()).isEqualTo(1);
        assertThat(counts.repeatedIds()).isEqualTo(1);
        assertThat(counts.repeats()).isEqualTo(2);
        assertThat(counts.identicalRepeats()).isEqualTo(2);
        assertThat(counts.differingFields()).isEmpty();
        assertThat(counts.keysUnderSeveralIds()).isZero();
        assertThat(counts.longestGap()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldNameTheFieldsAndRecipientThatARepeatChanged() {
        Delivery first = delivery("m1", "due|a|1", "overdue by 1s", 0);
        Delivery later = new Delivery("m1", "due|a|1", "/agents", Map.of("text", "overdue by 40s", "extra", "x"), true,
                T0.plusSeconds(40));

        DeliveryCounts counts = DeliveryTally.count(List.of(later, first)); // arrival order, not list order

        assertThat(counts.repeats()).isEqualTo(1);
        assertThat(counts.identicalRepeats()).isZero();
        assertThat(counts.differingFields()).isEqualTo(Map.of("text", 1, "extra", 1, "recipient", 1));
    }

    @Test
    void shouldCountAMessageSentUnderTwoIdsAsWhatDedupeByIdCannotCatch() {
        DeliveryCounts counts = DeliveryTally.count(List.of(delivery("m1", "reply|a", "hi", 0), delivery("m9", "reply|a", "hi", 5)));

        assertThat(counts.repeats()).isZero();
        assertThat(counts.keysUnderSeveralIds()).isEqualTo(1);
    }

    @Test
    void shouldCountBadSignatures() {
        Delivery unsigned = new Delivery("m1", "reply|a", "/replies", Map.of(), false, T0);

        assertThat(DeliveryTally.count(List.of(unsigned)).badSignatures()).isEqualTo(1);
    }

    @Test
    void shouldNameTheExpectedIdsThatNeverArrived() {
        assertThat(DeliveryTally.missing(Set.of("m1", "m2", "m3"), List.of(delivery("m2", "reply|b", "hi", 0))))
                .containsExactly("m1", "m3");
    }
}
