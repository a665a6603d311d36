package dev.heed.ingest.feedback;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an RFC 3339 {@code date-time} (section 5.6), exactly its grammar and no more:
 * {@code yyyy-mm-ddThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)} with a four-digit year, seconds always, a fraction
 * of one or more digits (read to the nanosecond, further digits dropped), {@code T} and {@code Z} in either
 * case, and an offset of {@code -23:59} to {@code +23:59} with its minutes ({@code -00:00}, "offset unknown",
 * is UTC). {@code OffsetDateTime.parse} reads more than this (signed and longer years, times without seconds,
 * offsets without minutes or with seconds), which is why the grammar is written out here; it is also what the
 * batch profile asked for, since {@code DateTimeFormatter} was a seventh of an item's CPU.
 *
 * <p>A leap second, second 60, is valid RFC 3339 where one can be inserted: at 23:59:60 UTC on the last day of
 * a month (ITU-R TF.460; RFC 3339 section 5.7), written in any offset. {@link Instant} has no leap seconds, so
 * it is read as the last millisecond of that minute, 23:59:59.999 UTC, whatever its fraction: the topic keeps
 * milliseconds, and this keeps the order of events around it. Anywhere else second 60 is refused.
 */
final class Rfc3339 {
    private static final String EXPECTED = "must be an RFC 3339 date-time, e.g. 2026-01-31T09:15:00Z or 2026-01-31T10:15:00.250+01:00";
    /** What a leap second is read as, within its minute: the minute's last millisecond. */
    private static final int LEAP_SECOND_NANOS = 999_000_000;

    private Rfc3339() {}

    /** @throws DateTimeParseException saying in plain words what is wrong, when {@code s} is not an RFC 3339 date-time */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw refused(s, "it is not of the form yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm)");
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            throw refused(s, "it is not of the form yyyy-mm-ddThh:mm:ss[.fraction](Z|±hh:mm)");
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                throw refused(s, "its fraction of a second has no digits");
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(s, i);
        if (hour > 23 || minute > 59 || second > 60) {
            throw refused(s, "its hour, minute or second is out of range");
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw refused(s, "there is no such date");
        }
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
        if (second == 60) {
            if (!isLeapSecondMinute(epochSecond)) {
                throw refused(s, "second 60 is a leap second, which exists only at 23:59:60 UTC on the last day of a month");
            }
            nanos = LEAP_SECOND_NANOS;
        }
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The offset from {@code at} to the end: Z, or ±hh:mm with hh up to 23 and mm up to 59. */
    private static int offsetSeconds(String s, int at) {
        int n = s.length();
        if (at == n - 1 && (s.charAt(at) == 'Z' || s.charAt(at) == 'z')) {
            return 0;
        }
        if (at != n - 6 || (s.charAt(at) != '+' && s.charAt(at) != '-') || s.charAt(at + 3) != ':') {
            throw refused(s, "it does not end in Z or an offset ±hh:mm");
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if ((hours | minutes) < 0 || hours > 23 || minutes > 59) {
            throw refused(s, "its offset is not ±hh:mm within ±23:59");
        }
        return (s.charAt(at) == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
    }

    /** Whether the second {@code epochSecond} (read as :59) is 23:59:59 UTC on the last day of a month. */
    private static boolean isLeapSecondMinute(long epochSecond) {
        if (Math.floorMod(epochSecond, 86_400) != 86_399) {
            return false;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
        return date.getDayOfMonth() == date.lengthOfMonth();
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A field error's detail for a value {@link #parse} refused: what is expected, and why this is not it. */
    static String expected(DateTimeParseException refusal) {
        return EXPECTED + ": " + refusal.getMessage();
    }

    private static DateTimeParseException refused(String s, String why) {
        return new DateTimeParseException(why, s, 0);
    }
}
