package dev.heed.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T09:59:00Z", "2026-11-24T09:59:00.123456+01:00", "2026-11-24T09:59:00.1-05:30",
            "2024-02-29T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-24T09:59:00+18:00",
            "2026-11-24T09:59:00-18:00", "2026-11-24T09:59:00-00:00", "2026-11-24t09:59:00z"})
    void shouldReadWhatOffsetDateTimeReadsAsTheSameInstant(String value) {
        assertThat(Rfc3339.parse(value)).isEqualTo(OffsetDateTime.parse(value).toInstant());
    }

    /** Beyond java.time: long fractions, offsets past ±18:00, and leap seconds, read as the last millisecond of their minute. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-24T09:59:00.1234567891234Z, 2026-11-24T09:59:00.123456789Z",
            "2026-11-24T23:30:00+23:59, 2026-11-23T23:31:00Z",
            "2026-11-24T00:00:00-23:00, 2026-11-24T23:00:00Z",
            "2016-12-31T23:59:60Z, 2016-12-31T23:59:59.999Z",
            "2016-12-31T23:59:60.5z, 2016-12-31T23:59:59.999Z",
            "2017-01-01T00:59:60+01:00, 2016-12-31T23:59:59.999Z",
            "2015-06-30T18:59:60-05:00, 2015-06-30T23:59:59.999Z",
            "2026-11-30T23:59:60Z, 2026-11-30T23:59:59.999Z"})
    void shouldReadWhatTheGrammarAllowsBeyondJavaTime(String value, String instant) {
        assertThat(Rfc3339.parse(value)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-000001-01-01T00:00:00Z", "+12026-11-24T09:59:00Z", "12026-11-24T09:59:00Z", "2026-11-24T09:59Z",
            "2018-04-05T18:31:00+05", "2026-11-24T09:59:00+01:00:30", "2026-11-24T09:59:00+0100", "2026-11-24 09:59:00Z",
            "2026-11-24T09:59:00", "2026-11-24T09:59:00.Z", "2026-11-24T09:59:00ZZ", "2026-02-29T09:59:00Z", "2026-11-31T09:59:00Z",
            "2026-13-01T09:59:00Z", "2026-00-01T09:59:00Z", "2026-11-24T24:00:00Z", "2026-11-24T09:60:00Z", "2026-11-24T09:59:61Z",
            "2026-11-24T09:59:00+24:00", "2026-11-24T09:59:00+01:60", "2026-11-24T09:59:00+1:00", "2018-04-05T18:31:00X",
            "2018-04-05T18:31:00+xx:00", "2026-11-24T12:00:60Z", "2026-11-24T23:59:60Z", "2026-11-30T23:59:60+01:00",
            "2026-11-30T23:58:60Z", "\u0662\u0660\u0662\u0666-11-24T09:59:00Z", "2026-11-24T09:59:00.\u0661Z", "yesterday", ""})
    void shouldRefuseWhatTheGrammarRefuses(String value) {
        assertThatThrownBy(() -> Rfc3339.parse(value)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void shouldSayWhyInPlainWords() {
        assertThatThrownBy(() -> Rfc3339.parse("2026-11-24T09:59Z")).hasMessage("it is not of the form yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm)");
        assertThatThrownBy(() -> Rfc3339.parse("2026-02-29T09:59:00Z")).hasMessage("there is no such date");
        assertThatThrownBy(() -> Rfc3339.parse("2026-11-24T12:00:60Z"))
                .hasMessage("second 60 is a leap second, which exists only at 23:59:60 UTC on the last day of a month");
    }

    /** Random edits of valid strings: whatever the grammar accepts, java.time reads as the same instant. */
    @Test
    void shouldNeverAcceptWhatJavaTimeReadsDifferently() {
        var random = new Random(42);
        String alphabet = "0123456789-:+.TZtz ";
        String[] seeds = {"2026-11-24T09:59:00Z", "2024-02-29T23:59:59.123456789+14:00", "1999-12-31T00:00:00.5-08:30"};
        int accepted = 0;
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
            Instant read;
            try {
                read = Rfc3339.parse(value);
            } catch (DateTimeParseException e) {
                continue;
            }
            accepted++;
            // A leap second, an offset beyond java.time's ±18:00, or more than nine digits of fraction.
            boolean beyondJavaTime = value.substring(17, 19).equals("60") || value.matches(".*[+-](18:(0[1-9]|[1-5]\\d)|19:\\d\\d|2[0-3]:\\d\\d)$")
                    || value.matches(".*\\.\\d{10,}.*");
            if (!beyondJavaTime) {
                assertThat(read).as(value).isEqualTo(OffsetDateTime.parse(value).toInstant());
            }
        }
        assertThat(accepted).as("the edits reach valid strings too").isGreaterThan(1_000);
    }
}
