package dev.heed.responder.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How times and durations read in messages: one unambiguous pattern with the zone named
 * ({@code 2026-11-20 11:15 UTC}), whatever the language, so a promise cannot be misread.
 */
public final class TimeFormat {
    private final DateTimeFormatter formatter;

    public TimeFormat(ZoneId zone) {
        this.formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
    }

    public String time(Instant instant) {
        return formatter.format(instant);
    }

    /** A duration as people say it: {@code 2h 5m}, {@code 45m}, {@code 30s}. */
    public static String duration(Duration duration) {
        Duration d = duration.abs();
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
