package dev.heed.schemas.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Typed reads of the {@code HEED_*} environment variables every Heed service and the CLI take (DESIGN.md:
 * configuration from environment variables with defaults). One set of rules for all of them: a blank value
 * counts as unset, values are trimmed, and a value that does not parse fails start-up with an error naming
 * the variable, the value and what was expected (never a silent default: {@code HEED_CREATE_TOPICS=ture}
 * is an error, not {@code false}).
 */
public final class EnvVars {
    /** {@code HEED_KAFKA_SECURITY_PROTOCOL=SSL} reaches every Kafka client as {@code security.protocol=SSL}. */
    public static final String KAFKA_PREFIX = "HEED_KAFKA_";

    private final Map<String, String> env;

    public EnvVars(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Every variable, for settings named by pattern ({@code HEED_SOURCE_<SRC>_...}). */
    public Map<String, String> all() {
        return env;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    public int integer(String name, int fallback) {
        return parsed(name, fallback, Integer::parseInt, "an integer");
    }

    public double decimal(String name, double fallback) {
        return parsed(name, fallback, Double::parseDouble, "a number");
    }

    /** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}); anything else is an error. */
    public boolean bool(String name, boolean fallback) {
        return parsed(name, fallback, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        }, "true or false");
    }

    /** A whole number of milliseconds (the {@code *_MS} variables). */
    public Duration millis(String name, Duration fallback) {
        return parsed(name, fallback, value -> Duration.ofMillis(Long.parseLong(value)), "a whole number of milliseconds");
    }

    /** ISO-8601 ({@code PT10S}) or a bare number of seconds. */
    public Duration duration(String name, Duration fallback) {
        return parsed(name, fallback, value -> value.chars().allMatch(Character::isDigit)
                ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value), "a duration such as PT10S or 10");
    }

    /** A value read with the caller's parser; a parser's exception becomes an error naming the variable. */
    public <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + "=" + value.get() + " is not " + expected, e);
        }
    }

    /**
     * Kafka client settings from {@code HEED_KAFKA_*}: the rest of the name lower-cased, underscores to dots.
     * The few Kafka settings whose names hold a dash cannot be passed this way; no security or tuning
     * setting an operator needs does.
     */
    public Map<String, String> kafkaPassthrough() {
        Map<String, String> kafka = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()) {
                kafka.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return Map.copyOf(kafka);
    }
}
