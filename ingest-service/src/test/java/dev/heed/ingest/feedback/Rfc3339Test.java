package dev.heed.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T09:59:00Z", "2026-11-24T09:59:00.123456+01:00", "2026-11-24T09:59:00.1-05:30",
            "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "2026-11-24T09:59:00+18:00", "2026-11-24T09:59:00-18:00",
            "2026-11-24T09:59:00-00:00", "2026-11-24t09:59:00z", "2026-11-24T09:59Z", "2026-11-24T09:59:00+01:00:30",
            "+12026-11-24T09:59:00Z", "2026-11-24T09:59:00.Z"})
    void shouldReadWhatOffsetDateTimeReadsAsTheSameInstant(String value) {
        assertThat(Rfc3339.parse(value)).isEqualTo(OffsetDateTime.parse(value).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T09:59:00Z", "2026-11-31T09:59:00Z", "2026-13-01T09:59:00Z", "2026-11-24T24:00:00Z",
            "2026-11-24T09:60:00Z", "2026-11-24T09:59:60Z", "2026-11-24T09:59:00", "2026-11-24T09:59:00+0100",
            "2026-11-24T09:59:00.1234567890Z", "2026-11-24T09:59:00+18:01", "2026-11-24T09:59:00+01:60", "2026-11-24 09:59:00Z",
            "2026-11-24T09:59:00ZZ", "yesterday", "2026-1a-24T09:59:00Z", "2026-11-24T09:59:00+1:00"})
    void shouldRefuseWhatOffsetDateTimeRefuses(String value) {
        assertThatThrownBy(() -> OffsetDateTime.parse(value)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse(value)).isInstanceOf(DateTimeParseException.class);
    }

    /** Random edits of valid strings: the hand-written path must never accept what the JDK refuses, nor read it differently. */
    @Test
    void shouldAgreeWithOffsetDateTimeOnRandomEdits() {
        var random = new Random(42);
        String alphabet = "0123456789-:+.TZtz ";
        String[] seeds = {"2026-11-24T09:59:00Z", "2024-02-29T23:59:59.123456789+14:00", "1999-12-31T00:00:00.5-08:30"};
        for (int n = 0; n < 200_000; n++) {
            var s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String value = s.toString();
            Instant expected;
            try {
                expected = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Instant fast = Rfc3339.fast(value);
            if (fast != null) {
                assertThat(fast).as(value).isEqualTo(expected);
            }
        }
    }
}
