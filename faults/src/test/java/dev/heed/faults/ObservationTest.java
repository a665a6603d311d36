package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.DueKind;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void shouldRefuseADuePointOnAnythingButAResponseDue() {
        Instant now = Instant.EPOCH;
        assertThatThrownBy(() -> new Observation(Stage.CLASSIFIED, "k", now, now, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Stage.RESPONSE_DUE, "k", now, null, DueClock.FIRST_RESPONSE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Stage.RESPONSE_DUE, "k", now, now, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Stage.ACKNOWLEDGED, "k", now, null, DueClock.PROMISE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellEachDueKindsClockByItsName() {
        for (DueKind kind : DueKind.values()) {
            DueClock expected = kind.name().startsWith("PROMISE_") ? DueClock.PROMISE
                    : kind.name().startsWith("RESOLUTION_") ? DueClock.RESOLUTION
                    : kind == DueKind.UNKNOWN || kind == DueKind.REOPENED ? DueClock.OTHER : DueClock.FIRST_RESPONSE;
            assertThat(TopicScan.clock(kind)).as(kind.name()).isEqualTo(expected);
        }
    }
}
