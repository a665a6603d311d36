package dev.heed.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

    @Test
    void shouldBeAVersion7UuidCarryingItsMillisecond() {
        UUID id = UUID.fromString(TimeOrderedIds.next(AT));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("the RFC 9562 variant").isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
    }

    @Test
    void shouldSortByTimeAsText() {
        String earlier = TimeOrderedIds.next(AT);
        String later = TimeOrderedIds.next(AT.plusMillis(1));

        assertThat(earlier).isLessThan(later);
    }

    @Test
    void shouldNotRepeatWithinOneMillisecond() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(TimeOrderedIds.next(AT));
        }
        assertThat(seen).hasSize(200_000);
    }
}
