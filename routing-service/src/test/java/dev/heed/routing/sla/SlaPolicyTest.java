package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    @Test
    void warningsMustIncreaseInsideTheTarget() {
        assertThatThrownBy(() -> policy(List.of(0.75, 0.5), Duration.ofMinutes(1), 1))
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> policy(List.of(0.5, 1.0), Duration.ofMinutes(1), 1))
                .hasMessageContaining("increase");
    }

    @Test
    void aZeroRepeatIsRejectedBecauseTheClockWouldNeverAdvance() {
        assertThatThrownBy(() -> policy(List.of(), Duration.ZERO, 1)).hasMessageContaining("repeatEvery");
    }

    @Test
    void atLeastOneReminderPerLevelIsRequired() {
        assertThatThrownBy(() -> policy(List.of(), Duration.ofMinutes(1), 0)).hasMessageContaining("remindersPerLevel");
    }

    private static SlaPolicy policy(List<Double> warnings, Duration repeat, int perLevel) {
        return new SlaPolicy("p", 1, Duration.ofMinutes(10), warnings, repeat, perLevel);
    }
}
