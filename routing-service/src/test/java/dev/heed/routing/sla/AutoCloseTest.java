package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoCloseTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final SlaPolicy POLICY = SlaPolicy.of("p", 1, Duration.ofHours(1));
    private static final SlaPolicy CLOSING = POLICY.closingAfter(Duration.ofDays(7));

    @Test
    void aWaitOnTheCustomerClosesThePoliciesAutoCloseAfterItBegan() {
        assertThat(AutoClose.dueAt(CLOSING, Pause.NONE.begin(Pause.Wait.CUSTOMER, T0))).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void nothingClosesWithoutAutoCloseOrWhileNotWaitingOnTheCustomer() {
        assertThat(AutoClose.dueAt(POLICY, Pause.NONE.begin(Pause.Wait.CUSTOMER, T0))).as("no auto-close: waits forever").isNull();
        assertThat(AutoClose.dueAt(CLOSING, Pause.NONE.begin(Pause.Wait.THIRD_PARTY, T0))).as("a third party's delay").isNull();
        assertThat(AutoClose.dueAt(CLOSING, Pause.NONE)).isNull();
        assertThat(AutoClose.dueAt(CLOSING, Pause.NONE.begin(Pause.Wait.CUSTOMER, T0).end(T0.plusSeconds(5)))).as("resumed").isNull();
    }

    @Test
    void aSwitchFromAThirdPartyToTheCustomerCountsFromTheSwitch() {
        Pause switched = Pause.NONE.begin(Pause.Wait.THIRD_PARTY, T0).begin(Pause.Wait.CUSTOMER, T0.plus(Duration.ofDays(10)));

        assertThat(AutoClose.dueAt(CLOSING, switched)).isEqualTo(T0.plus(Duration.ofDays(17)));
    }

    @Test
    void theWaitCountsInThePolicysCalendar() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar office = BusinessCalendar.parse("office", berlin, "Mon-Fri 09:00-17:00", List.of("2026-01-06"));
        Instant friday = LocalDateTime.parse("2026-01-02T16:00").atZone(berlin).toInstant();
        SlaPolicy policy = CLOSING.closingAfter(Duration.ofHours(16)).in(office);

        // Friday 16:00-17:00, Monday 8 h, Tuesday a holiday, Wednesday 09:00-16:00.
        assertThat(AutoClose.dueAt(policy, Pause.NONE.begin(Pause.Wait.CUSTOMER, friday)))
                .isEqualTo(LocalDateTime.parse("2026-01-07T16:00").atZone(berlin).toInstant());
    }

    @Test
    void eachPauseHasItsOwnUpdateIdWhichRoutingRecognises() {
        assertThat(AutoClose.updateId("c-1", 2)).isEqualTo("auto-close:c-1:2");
        assertThat(AutoClose.isAutoClose("auto-close:c-1:2")).isTrue();
        assertThat(AutoClose.isAutoClose("fix:p-1:c-1")).isFalse();
        assertThat(AutoClose.isAutoClose(null)).isFalse();
    }

    @Test
    void anAutoCloseMustBePositiveAndTheResolutionRemembersItWasAutomaticUntilAReopening() {
        assertThatThrownBy(() -> POLICY.closingAfter(Duration.ZERO)).hasMessageContaining("autoClose must be positive");
        Resolution closed = Resolution.NONE.closeAutomatically(T0, AutoClose.AGENT);

        assertThat(closed).isEqualTo(new Resolution(T0, AutoClose.AGENT, 1, 0, true));
        assertThat(closed.closeAutomatically(T0.plusSeconds(1), "x")).isSameAs(closed);
        assertThat(closed.reopen().automatic()).isFalse();
        assertThat(closed.reopen().resolve(T0.plusSeconds(9), "ana").automatic()).isFalse();
        assertThatThrownBy(() -> new Resolution(null, null, 0, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
