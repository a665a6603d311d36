package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldListTheWarningsThenTheBreachThenRepeatsUpToTheGivenTimeInclusive() {
        var schedule = new DueSchedule(List.of(T0.plusSeconds(2), T0.plusSeconds(3)), T0.plusSeconds(4), Duration.ofSeconds(5));

        assertThat(schedule.pointsUntil(T0.plusSeconds(14)))
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(9), T0.plusSeconds(14));
        assertThat(schedule.pointsUntil(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void shouldRefuseARepeatIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new DueSchedule(List.of(), T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
