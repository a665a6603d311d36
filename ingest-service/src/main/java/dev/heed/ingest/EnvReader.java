package dev.heed.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Typed reads of environment-style variables; a malformed value fails startup naming the variable. */
final class EnvReader {
    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    String string(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    String required(String name) {
        String value = string(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    int integer(String name, int fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "an integer");
        }
    }

    double decimal(String name, double fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a number");
        }
    }

    boolean bool(String name, boolean fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(name, value, "true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** ISO-8601 ({@code PT10S}) or a bare number of seconds. */
    Duration duration(String name, Duration fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(name, value, "a duration such as PT10S or 10");
        }
    }

    private static IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException(name + "=" + value + " is not " + expected);
    }
}
