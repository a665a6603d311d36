package dev.heed.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "15m, PT15M", "4h, PT4H", "1d, PT24H", "PT15M, PT15M", "pt1h30m, PT1H30M", "P7D, PT168H"})
    void durationsReadAsWritten(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @Test
    void nonsenseIsRejectedWithAHint() {
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessage("'soon' is not " + Durations.EXPECTED);
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("is not a duration such as");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"PT0.5S, 500ms", "PT10S, 10s", "PT15M, 15m", "PT2H, 2h", "PT168H, 7d", "PT0S, 0s", "PT90S, 90s"})
    void formatIsTheShortestExactSpellingAndReadsBack(Duration duration, String text) {
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }
}
