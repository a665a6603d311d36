package dev.heed.routing.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a promise's clock runs: weekly opening hours in a time zone, less holidays. "4 business hours" is the
 * time that passes inside open hours, measured on the real time line, so a DST change inside open hours
 * counts as what it is (an opening of 01:00-05:00 on the night clocks go forward is 3 hours, not 4). A
 * wall-clock time that does not exist that night is moved later by the gap's length, and an ambiguous one
 * takes the earlier offset, as {@link ZonedDateTime#of} does; an opening that this leaves ending before it
 * starts is closed that night. Plain Java, immutable.
 *
 * <p>{@link #ALWAYS} is every hour of every day: business time is elapsed time, which is what a policy without a
 * calendar means.
 *
 * @param name     how policies refer to it
 * @param zone     where the opening hours are local
 * @param week     opening hours per day of the week, sorted and apart; a day without hours is closed
 * @param holidays dates closed whatever the weekday
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Opening>> week, Set<LocalDate> holidays) {

    /** Open all the time: business time is elapsed time. */
    public static final BusinessCalendar ALWAYS = new BusinessCalendar("always", ZoneId.of("UTC"),
            allWeek(List.of(new Opening(LocalTime.MIDNIGHT, null))), Set.of());

    // A calendar is open at least once a week, but a long run of holidays may close it for a while; a search
    // that finds no open hour for this many days in a row is a calendar that cannot keep the promise, not a slow one.
    private static final int MAX_DAYS_SEARCHED = 5 * 366;

    /** Opening hours within one day, from {@code start} to {@code end}; a null end is midnight at the day's end. */
    public record Opening(LocalTime start, LocalTime end) {
        public Opening {
            Objects.requireNonNull(start, "start");
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("opening hours must end after they start: " + start + "-" + end);
            }
        }

        Instant startOn(LocalDate date, ZoneId zone) {
            return ZonedDateTime.of(date, start, zone).toInstant();
        }

        Instant endOn(LocalDate date, ZoneId zone) {
            return end == null ? date.plusDays(1).atStartOfDay(zone).toInstant() : ZonedDateTime.of(date, end, zone).toInstant();
        }

        boolean overlaps(Opening later) {
            return end == null || later.start.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + (end == null ? "24:00" : end.toString());
        }
    }

    public BusinessCalendar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<Opening>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, openings) -> {
            List<Opening> sorted = new ArrayList<>(openings);
            sorted.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException("opening hours overlap on " + day + ": " + sorted);
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(day, List.copyOf(sorted));
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("calendar " + name + " is never open");
        }
        week = Collections.unmodifiableMap(copy);
        holidays = Set.copyOf(holidays);
    }

    /**
     * A calendar from its written form: opening hours as day ranges and times, separated by commas, e.g.
     * {@code Mon-Fri 09:00-17:00, Sat 10:00-14:00} (a day may have several openings; {@code 24:00} ends at
     * midnight), and holidays as ISO dates.
     */
    public static BusinessCalendar parse(String name, ZoneId zone, String week, List<String> holidays) {
        Map<DayOfWeek, List<Opening>> days = new EnumMap<>(DayOfWeek.class);
        for (String part : week.split(",")) {
            String[] fields = part.trim().split("\\s+");
            if (fields.length != 2) {
                throw new IllegalArgumentException("opening hours must read like 'Mon-Fri 09:00-17:00': '" + part.trim() + "'");
            }
            Opening opening = opening(fields[1]);
            for (DayOfWeek day : dayRange(fields[0])) {
                days.computeIfAbsent(day, d -> new ArrayList<>()).add(opening);
            }
        }
        Set<LocalDate> closed = new TreeSet<>();
        for (String holiday : holidays) {
            try {
                closed.add(LocalDate.parse(holiday.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a holiday must be an ISO date (2026-12-25): '" + holiday.trim() + "'", e);
            }
        }
        return new BusinessCalendar(name, zone, days, closed);
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        if (alwaysOpen()) {
            return from.plus(amount); // the hot path of every policy without a calendar: no walk over days
        }
        Duration left = amount;
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int closedDays = 0; closedDays < MAX_DAYS_SEARCHED; closedDays++, date = date.plusDays(1)) {
            for (Opening opening : openingsOn(date)) {
                Instant end = opening.endOn(date, zone);
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant start = max(opening.startOn(date, zone), from);
                if (!end.isAfter(start)) {
                    continue; // opening hours that fell into the gap of a spring-forward night
                }
                Duration open = Duration.between(start, end);
                if (left.compareTo(open) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
                closedDays = -1; // open today: the count of days without an opening starts again tomorrow
            }
        }
        throw new IllegalStateException("calendar " + name + " has no open hour for " + MAX_DAYS_SEARCHED + " days in a row after " + from);
    }

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (Opening opening : openingsOn(date)) {
                Instant start = max(opening.startOn(date, zone), from);
                Instant end = min(opening.endOn(date, zone), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether the clock runs at {@code instant}: inside opening hours (start included, end not). */
    public boolean isOpen(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (Opening opening : openingsOn(date)) {
            if (!instant.isBefore(opening.startOn(date, zone)) && instant.isBefore(opening.endOn(date, zone))) {
                return true;
            }
        }
        return false;
    }

    /** Open round the clock every day of the year: business time is elapsed time. */
    public boolean alwaysOpen() {
        if (this == ALWAYS) {
            return true;
        }
        if (!holidays.isEmpty() || week.size() != 7) {
            return false;
        }
        for (List<Opening> openings : week.values()) {
            if (openings.size() != 1 || !openings.get(0).start().equals(LocalTime.MIDNIGHT) || openings.get(0).end() != null) {
                return false;
            }
        }
        return true;
    }

    private List<Opening> openingsOn(LocalDate date) {
        return holidays.contains(date) ? List.of() : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private static Opening opening(String hours) {
        String[] times = hours.split("-");
        if (times.length != 2) {
            throw new IllegalArgumentException("opening hours must read like 09:00-17:00: '" + hours + "'");
        }
        try {
            LocalTime start = LocalTime.parse(times[0]);
            LocalTime end = times[1].equals("24:00") ? null : LocalTime.parse(times[1]);
            return new Opening(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours must read like 09:00-17:00: '" + hours + "'", e);
        }
    }

    private static List<DayOfWeek> dayRange(String days) {
        String[] ends = days.split("-");
        if (ends.length > 2) {
            throw new IllegalArgumentException("days must read like Mon-Fri or Sat: '" + days + "'");
        }
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        List<DayOfWeek> range = new ArrayList<>();
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            range.add(d);
            if (d == last) {
                return range;
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("a day must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun: '" + abbreviation + "'");
    }

    private static Map<DayOfWeek, List<Opening>> allWeek(List<Opening> openings) {
        Map<DayOfWeek, List<Opening>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, openings);
        }
        return all;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return name + " (" + zone + ", " + week + (holidays.isEmpty() ? "" : ", " + holidays.size() + " holidays") + ")";
    }
}
