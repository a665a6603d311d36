package dev.heed.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

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
        return parsed(name, fallback, Integer::parseInt, "an integer");
    }

    double decimal(String name, double fallback) {
        return parsed(name, fallback, Double::parseDouble, "a number");
    }

    boolean bool(String name, boolean fallback) {
        return parsed(name, fallback, EnvReader::strictBoolean, "true or false");
    }

    /** ISO-8601 ({@code PT10S}) or a bare number of seconds. */
    Duration duration(String name, Duration fallback) {
        return parsed(name, fallback, value -> value.chars().allMatch(Character::isDigit)
                ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value), "a duration such as PT10S or 10");
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not " + expected, e);
        }
    }

    // Boolean.parseBoolean reads every typo as false; a misspelt switch must fail instead.
    private static boolean strictBoolean(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.parseBoolean(value);
    }
}
