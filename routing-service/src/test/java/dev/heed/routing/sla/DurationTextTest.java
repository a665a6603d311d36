package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "15m, PT15M", "4h, PT4H", "1d, PT24H", "PT15M, PT15M", "pt1h30m, PT1H30M"})
    void durationsReadAsWritten(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(expected);
    }

    @Test
    void nonsenseIsRejectedWithAHint() {
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("try 30s");
    }
}
