package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void shouldRefuseADuePointOnAnythingButAResponseDue() {
        Instant now = Instant.EPOCH;
        assertThatThrownBy(() -> new Observation(Stage.CLASSIFIED, "k", now, now, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Stage.RESPONSE_DUE, "k", now, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
