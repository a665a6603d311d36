package dev.heed.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IcsHolidaysTest {
    private static final Path HOLIDAYS = resource("holidays.ics");

    @Test
    void shouldReadAllDayEventsWithTheirRecurrencesAndExceptionsWithinTheWindow() {
        assertThat(IcsHolidays.read(HOLIDAYS, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"))).containsExactly(
                LocalDate.parse("2026-01-01"),
                // Christmas runs three days (DTEND is exclusive) every year; EXDATE takes out 2027's occurrence whole.
                LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"),
                LocalDate.parse("2027-01-01"),
                // An event with no DTEND is one day; the cancelled one on 2027-05-01 is no holiday.
                LocalDate.parse("2027-03-29"));
    }

    @Test
    void shouldCountTheDaysOfAnOccurrenceThatStartedBeforeTheWindow() {
        assertThat(IcsHolidays.read(HOLIDAYS, LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31")))
                .containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));
    }

    @Test
    void shouldRefuseAnEventWithATimeOfDayRatherThanGuessItsDate() {
        assertThatThrownBy(() -> IcsHolidays.read(resource("timed-event.ics"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Team meeting'").hasMessageContaining("time of day").hasMessageContaining("VALUE=DATE");
    }

    @Test
    void shouldNameTheFileThatIsMissingOrNoICalendar() {
        assertThatThrownBy(() -> IcsHolidays.read(Path.of("no-such-holidays.ics"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the iCalendar file no-such-holidays.ics");
        assertThatThrownBy(() -> IcsHolidays.read(new StringReader("2026-12-25,2026-12-26\n"), "holidays.txt",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holidays.txt is not an iCalendar file");
    }

    @Test
    void shouldCloseTheCalendarOnTheFilesHolidaysBesideTheListedOnes() {
        var calendars = PolicyBookFormat.calendars("office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00 holidays=2026-12-31 ics="
                + HOLIDAYS, LocalDate.parse("2026-12-07"));
        BusinessCalendar office = calendars.get("office");

        // From January 1st of last year to December 31st of the year after next.
        assertThat(office.holidays()).contains(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-31"), LocalDate.parse("2028-12-26"));
        assertThat(office.holidays()).doesNotContain(LocalDate.parse("2024-12-24"), LocalDate.parse("2029-01-01"),
                LocalDate.parse("2027-12-24"));
        // Four business hours from Wednesday 23 December, 15:00: two that day, Christmas Thursday to Saturday, Sunday
        // closed anyway, and two on Monday morning.
        Instant start = ZonedDateTime.of(2026, 12, 23, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(office.plus(start, Duration.ofHours(4)))
                .isEqualTo(ZonedDateTime.of(2026, 12, 28, 11, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void shouldNameTheCalendarEntryWhoseFileFails() {
        assertThatThrownBy(() -> PolicyBookFormat.calendars("office: zone=UTC hours=Mon-Fri/09:00-17:00 ics=" + resource("timed-event.ics"),
                LocalDate.parse("2026-12-07")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("calendar entry 'office:")
                .hasMessageContaining("time of day");
    }

    private static Path resource(String name) {
        try {
            return Path.of(IcsHolidaysTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
