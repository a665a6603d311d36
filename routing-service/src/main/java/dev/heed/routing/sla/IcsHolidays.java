package dev.heed.routing.sla;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * The holidays of an iCalendar file (RFC 5545), as a business calendar counts them: every day an all-day event
 * ({@code DTSTART;VALUE=DATE}) covers, from its start to its end (exclusive, as iCalendar's {@code DTEND} is; one day
 * when it has none), with its recurrences ({@code RRULE}, {@code RDATE}, less {@code EXDATE}) expanded by ical4j
 * within a window of dates. Public-holiday calendars are published in this form; a yearly rule such as Christmas
 * becomes its dates in the window. Cancelled events ({@code STATUS:CANCELLED}) are no holidays.
 *
 * <p>The window bounds what a recurrence expands to, since a business calendar holds its holidays as dates (and a
 * running clock keeps its calendar, dates included, in routing's store). An event with a time of day is refused
 * rather than guessed at: a holiday is a whole day in the calendar's own zone.
 */
public final class IcsHolidays {

    private IcsHolidays() {
    }

    /**
     * The holiday dates of {@code file} from {@code from} to {@code to}, both included.
     *
     * @throws IllegalArgumentException when the file cannot be read or parsed, or holds an event with a time of day
     */
    public static Set<LocalDate> read(Path file, LocalDate from, LocalDate to) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), from, to);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the iCalendar file " + file + ": " + e.getMessage(), e);
        }
    }

    static Set<LocalDate> read(Reader reader, String source, LocalDate from, LocalDate to) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends before it starts: " + from + " .. " + to);
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(reader);
        } catch (ParserException e) {
            throw new IllegalArgumentException(source + " is not an iCalendar file: " + e.getMessage(), e);
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (Component component : calendar.getComponents(Component.VEVENT)) {
            VEvent event = (VEvent) component;
            if (cancelled(event)) {
                continue;
            }
            Temporal start = event.<Temporal>getStartDate().map(DtStart::getDate)
                    .orElseThrow(() -> new IllegalArgumentException(source + ": an event without DTSTART" + summary(event)));
            if (!(start instanceof LocalDate)) {
                throw new IllegalArgumentException(source + ": event" + summary(event) + " starts at " + start
                        + ", a time of day; holidays are all-day events (DTSTART;VALUE=DATE)");
            }
            // Asked one day wider each way: an occurrence that starts before the window and runs into it counts too.
            Set<Period<LocalDate>> occurrences = event.calculateRecurrenceSet(new Period<>(from.minusDays(1), to.plusDays(1)));
            for (Period<LocalDate> occurrence : occurrences) {
                LocalDate end = occurrence.getEnd().isAfter(occurrence.getStart()) ? occurrence.getEnd() : occurrence.getStart().plusDays(1);
                for (LocalDate day = occurrence.getStart(); day.isBefore(end); day = day.plusDays(1)) {
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        dates.add(day);
                    }
                }
            }
        }
        return dates;
    }

    private static boolean cancelled(VEvent event) {
        Optional<Property> status = event.getProperty(Property.STATUS);
        return status.map(s -> "CANCELLED".equalsIgnoreCase(s.getValue())).orElse(false);
    }

    private static String summary(VEvent event) {
        return event.getProperty(Property.SUMMARY).map(s -> " '" + s.getValue() + "'").orElse("");
    }
}
