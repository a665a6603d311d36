package dev.heed.routing.topology.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Severity;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class StoreFormatTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anOpenComplaintSurvivesTheStoreFormatWithItsPolicyWhole() {
        SlaPolicy policy = new SlaPolicy("vip", 4, Duration.ofMinutes(20), List.of(0.3, 0.9), Duration.ofMinutes(7), 3);
        SlaClock clock = SlaClock.start("c-é", policy, T0).catchUp(T0.plus(Duration.ofHours(1))).clock();
        OpenComplaint open = new OpenComplaint(clock, Severity.CRITICAL, "billing", null);

        assertThat(OpenComplaintSerde.read(OpenComplaintSerde.write(open))).isEqualTo(open);
        assertThat(OpenComplaintSerde.read(OpenComplaintSerde.write(open.withClock(SlaClock.start("x", policy, T0)))).clock()
                .lastReminderAt()).isNull();
    }

    @Test
    void indexKeysSortByDueTimeThenIdAndTheUpperBoundCoversExactlyWhatIsDue() {
        Bytes early = DueIndexKey.of(T0, "zzz");
        Bytes later = DueIndexKey.of(T0.plusMillis(1), "aaa");
        Bytes bound = DueIndexKey.lastDueAt(T0);

        assertThat(early.compareTo(later)).isNegative();
        assertThat(early.compareTo(bound)).isNegative();
        assertThat(bound.compareTo(later)).isNegative();
        assertThat(DueIndexKey.first().compareTo(early)).isNegative();
        assertThat(DueIndexKey.complaintId(later)).isEqualTo("aaa");
    }
}
