package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PauseTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void aWaitBeginsAPauseAndItsEndCountsItsTime() {
        Pause paused = Pause.NONE.begin(Pause.Wait.CUSTOMER, T0);
        Pause ended = paused.end(T0.plus(Duration.ofMinutes(90)));

        assertThat(paused).isEqualTo(new Pause(Pause.Wait.CUSTOMER, T0, 0, 1));
        assertThat(ended).isEqualTo(new Pause(null, null, Duration.ofMinutes(90).toMillis(), 1));
        assertThat(ended.begin(Pause.Wait.THIRD_PARTY, T0.plus(Duration.ofHours(3))).end(T0.plus(Duration.ofHours(4))))
                .isEqualTo(new Pause(null, null, Duration.ofMinutes(150).toMillis(), 2));
    }

    @Test
    void aSwitchOfWhatIsAwaitedContinuesThePauseAndAnEndWithoutAPauseChangesNothing() {
        Pause switched = Pause.NONE.begin(Pause.Wait.CUSTOMER, T0).begin(Pause.Wait.THIRD_PARTY, T0.plusSeconds(60));

        assertThat(switched).as("the pause runs from T0, the wait on the third party from the switch")
                .isEqualTo(new Pause(Pause.Wait.THIRD_PARTY, T0, 0, 1, T0.plusSeconds(60)));
        assertThat(switched.begin(Pause.Wait.THIRD_PARTY, T0.plusSeconds(120))).as("a wait of the same kind changes nothing")
                .isSameAs(switched);
        assertThat(Pause.NONE.end(T0)).isSameAs(Pause.NONE);
        assertThat(Pause.NONE.begin(Pause.Wait.CUSTOMER, T0).end(T0.minusSeconds(5)).pausedMillis()).as("never negative").isZero();
    }

    @Test
    void anyReplyResumesAWaitOnTheCustomerAndOnlyANegativeOneAWaitOnAThirdParty() {
        Pause customer = Pause.NONE.begin(Pause.Wait.CUSTOMER, T0);
        Pause thirdParty = Pause.NONE.begin(Pause.Wait.THIRD_PARTY, T0);

        assertThat(customer.resumedBy(false)).isTrue();
        assertThat(customer.resumedBy(true)).isTrue();
        assertThat(thirdParty.resumedBy(false)).isFalse();
        assertThat(thirdParty.resumedBy(true)).isTrue();
        assertThat(Pause.NONE.resumedBy(true)).isFalse();
    }

    @Test
    void aPauseHasWhatItWaitsOnAndSinceWhenTogether() {
        assertThatThrownBy(() -> new Pause(Pause.Wait.CUSTOMER, null, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pause(null, T0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pause(null, null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pause(Pause.Wait.CUSTOMER, T0, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
