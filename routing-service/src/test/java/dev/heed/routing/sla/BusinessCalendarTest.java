package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time by example: weekends, holidays, and both DST changes in two hemispheres. */
class BusinessCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final BusinessCalendar OFFICE = BusinessCalendar.parse("office", BERLIN, "Mon-Fri 09:00-17:00",
            List.of("2026-12-24", "2026-12-25", "2026-12-31"));

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void fourBusinessHoursFromFridayAfternoonEndMondayMorning() {
        // Friday 2026-12-04 15:00: two hours on Friday, two on Monday.
        assertThat(OFFICE.plus(at("2026-12-04T15:00", BERLIN), Duration.ofHours(4))).isEqualTo(at("2026-12-07T11:00", BERLIN));
    }

    @Test
    void aPromiseMadeOutsideHoursStartsAtTheNextOpening() {
        assertThat(OFFICE.plus(at("2026-12-05T22:00", BERLIN), Duration.ofMinutes(30))).isEqualTo(at("2026-12-07T09:30", BERLIN));
        assertThat(OFFICE.plus(at("2026-12-07T06:00", BERLIN), Duration.ofHours(8))).isEqualTo(at("2026-12-07T17:00", BERLIN));
    }

    @Test
    void holidaysAndTheYearEndAreSkipped() {
        // Wednesday 23 Dec 16:00; closed 24, 25 (Thu, Fri), the weekend, open 28-30, closed 31, Fri 1 Jan open.
        Instant from = at("2026-12-23T16:00", BERLIN);
        assertThat(OFFICE.plus(from, Duration.ofHours(2))).isEqualTo(at("2026-12-28T10:00", BERLIN));
        assertThat(OFFICE.plus(from, Duration.ofHours(1 + 3 * 8 + 1))).isEqualTo(at("2027-01-01T10:00", BERLIN));
        assertThat(OFFICE.between(from, at("2027-01-01T10:00", BERLIN))).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void aDayOpenRoundTheClockIsTwentyThreeHoursLongWhenTheClocksGoForwardAndTwentyFiveWhenTheyGoBack() {
        BusinessCalendar allDay = BusinessCalendar.parse("all-day", BERLIN, "Sun 00:00-24:00", List.of());
        assertThat(allDay.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN))).isEqualTo(Duration.ofHours(23));
        assertThat(allDay.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN))).isEqualTo(Duration.ofHours(25));
        // Eight business hours from Sunday midnight end at 09:00 local on the short day: 8 real hours later.
        assertThat(allDay.plus(at("2026-03-29T00:00", BERLIN), Duration.ofHours(8))).isEqualTo(at("2026-03-29T09:00", BERLIN));
    }

    @Test
    void nightOpeningsAcrossTheChangeCountRealTimeInNewYorkAndSydney() {
        // New York springs forward on 8 March 2026 at 02:00 (to 03:00): 01:00-05:00 that night is 3 hours.
        BusinessCalendar nights = BusinessCalendar.parse("nights", NEW_YORK, "Sun 01:00-05:00", List.of());
        assertThat(nights.between(at("2026-03-08T00:00", NEW_YORK), at("2026-03-09T00:00", NEW_YORK))).isEqualTo(Duration.ofHours(3));
        // Sydney goes back on 5 April 2026 at 03:00 (to 02:00): 01:00-05:00 that night is 5 hours.
        BusinessCalendar sydney = BusinessCalendar.parse("nights", SYDNEY, "Sun 01:00-05:00", List.of());
        assertThat(sydney.between(at("2026-04-05T00:00", SYDNEY), at("2026-04-06T00:00", SYDNEY))).isEqualTo(Duration.ofHours(5));
        assertThat(sydney.plus(at("2026-04-05T00:00", SYDNEY), Duration.ofHours(5))).isEqualTo(at("2026-04-05T05:00", SYDNEY));
    }

    @Test
    void openingHoursThatFallIntoTheGapCountForNothing() {
        // 02:30 does not exist in Berlin on 29 March 2026 and is read an hour later, as ZonedDateTime does: 03:30,
        // after the opening's end at 03:00. The promise moves to the next Sunday.
        BusinessCalendar gap = BusinessCalendar.parse("gap", BERLIN, "Sun 02:30-03:00", List.of());
        assertThat(gap.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN))).isEqualTo(Duration.ZERO);
        assertThat(gap.plus(at("2026-03-29T00:00", BERLIN), Duration.ofMinutes(10))).isEqualTo(at("2026-04-05T02:40", BERLIN));
        // An opening wholly inside the gap moves with it: 02:15-02:45 is 03:15-03:45 that night.
        BusinessCalendar inside = BusinessCalendar.parse("inside", BERLIN, "Sun 02:15-02:45", List.of());
        assertThat(inside.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void alwaysIsElapsedTime() {
        Instant from = Instant.parse("2026-10-25T00:30:00Z");
        assertThat(BusinessCalendar.ALWAYS.plus(from, Duration.ofHours(30))).isEqualTo(from.plus(Duration.ofHours(30)));
        assertThat(BusinessCalendar.ALWAYS.between(from, from.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void severalOpeningsADayAndOpenOrNot() {
        BusinessCalendar split = BusinessCalendar.parse("split", BERLIN, "Mon-Fri 09:00-12:00, Mon-Fri 13:00-17:00, Sat 10:00-14:00",
                List.of());
        assertThat(split.plus(at("2026-12-07T11:00", BERLIN), Duration.ofHours(2))).isEqualTo(at("2026-12-07T14:00", BERLIN));
        assertThat(split.isOpen(at("2026-12-07T12:30", BERLIN))).isFalse();
        assertThat(split.isOpen(at("2026-12-07T13:00", BERLIN))).isTrue();
        assertThat(split.isOpen(at("2026-12-07T17:00", BERLIN))).isFalse();
        assertThat(split.plus(at("2026-12-11T16:00", BERLIN), Duration.ofHours(2))).isEqualTo(at("2026-12-12T11:00", BERLIN));
    }

    @Test
    void aWrongCalendarIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> BusinessCalendar.parse("x", BERLIN, "Mon-Fri 9-17", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> BusinessCalendar.parse("x", BERLIN, "Mon-Fri 17:00-09:00", List.of()))
                .hasMessageContaining("must end after they start");
        assertThatThrownBy(() -> BusinessCalendar.parse("x", BERLIN, "Mon-Fri 09:00-13:00, Mon 12:00-14:00", List.of()))
                .hasMessageContaining("overlap on MONDAY");
        assertThatThrownBy(() -> BusinessCalendar.parse("x", BERLIN, "Mo-Fr 09:00-17:00", List.of()))
                .hasMessageContaining("Mon, Tue");
        assertThatThrownBy(() -> BusinessCalendar.parse("x", BERLIN, "Mon-Fri 09:00-17:00", List.of("25.12.2026")))
                .hasMessageContaining("ISO date");
        assertThatThrownBy(() -> OFFICE.plus(Instant.EPOCH, Duration.ofHours(-1))).hasMessageContaining("negative");
    }

    @Test
    void aCalendarClosedForYearsByHolidaysIsAnErrorNotAHang() {
        List<String> everyDay = java.util.stream.Stream.iterate(java.time.LocalDate.parse("2026-01-01"), d -> d.plusDays(1))
                .limit(6 * 366).map(Object::toString).toList();
        BusinessCalendar closed = BusinessCalendar.parse("closed", BERLIN, "Mon-Sun 09:00-17:00", everyDay);
        assertThatThrownBy(() -> closed.plus(at("2026-01-01T08:00", BERLIN), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no open hour");
    }
}
