package dev.heed.routing.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in configuration: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 4h}, {@code 1d}, or ISO-8601 {@code PT15M}. */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        if (!matcher.matches()) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration (try 30s, 15m, 4h, 1d or PT15M): " + text, e);
            }
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
