package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResolutionTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void resolvingAndReopeningCountEachTurnAndAgainChangesNothing() {
        Resolution resolved = Resolution.NONE.resolve(T0, "ana");
        assertThat(resolved).isEqualTo(new Resolution(T0, "ana", 1, 0));
        assertThat(resolved.resolve(T0.plusSeconds(5), "bo")).isSameAs(resolved);
        Resolution reopened = resolved.reopen();
        assertThat(reopened).isEqualTo(new Resolution(null, null, 1, 1));
        assertThat(reopened.reopened()).isTrue();
        assertThat(reopened.reopen()).isSameAs(reopened);
        assertThat(Resolution.NONE.reopen()).isSameAs(Resolution.NONE);
        assertThat(Resolution.NONE.reopened()).isFalse();
        assertThat(reopened.resolve(T0.plusSeconds(60), "bo")).isEqualTo(new Resolution(T0.plusSeconds(60), "bo", 2, 1));
    }

    @Test
    void impossibleResolutionsAreRefused() {
        assertThatThrownBy(() -> new Resolution(T0, null, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resolution(T0, "ana", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resolution(null, null, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
