package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private final RateWindow window = new RateWindow(Duration.ofMinutes(1));

    @Test
    void shouldReportNoRateUntilThereAreTwoSamples() {
        assertThat(window.perSecond()).isZero();
        window.add(T0, 1000);
        assertThat(window.perSecond()).isZero();
    }

    @Test
    void shouldDivideTheGrowthOfTheEndOffsetByTheTimeBetweenSamples() {
        window.add(T0, 1000);
        window.add(T0.plusSeconds(5), 1050);
        window.add(T0.plusSeconds(10), 1200);
        assertThat(window.perSecond()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void shouldMeasureOnlyTheLastMinute() {
        window.add(T0, 0);
        window.add(T0.plusSeconds(30), 30_000); // a burst, then quiet
        for (int s = 35; s <= 150; s += 5) {
            window.add(T0.plusSeconds(s), 30_000 + s);
        }
        // From the sample at 90 s (the last at or before the horizon) to 150 s: 60 records in 60 s.
        assertThat(window.perSecond()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldNotReportANegativeRateWhenATopicWasRecreated() {
        window.add(T0, 500);
        window.add(T0.plusSeconds(5), 0);
        assertThat(window.perSecond()).isZero();
    }
}
