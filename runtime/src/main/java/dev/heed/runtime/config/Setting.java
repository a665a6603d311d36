package dev.heed.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One environment variable a Heed service reads, declared once: its name, how its value parses, its default,
 * what it means, and the names it had before (read for one release with a warning). {@link Settings} reads it;
 * the configuration reference is generated from these declarations, so the documentation cannot drift from
 * the code.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {
    /** Turns a value into {@code T}, telling {@code warnings} when a spelling is accepted for the last time. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String name, String text, Warnings warnings);
    }

    /** Where deprecation warnings go. */
    @FunctionalInterface
    public interface Warnings {
        void warn(String message);
    }

    /** A former name, read when the current one is unset, with its own parser (a former {@code _MS} name reads milliseconds). */
    public record Former<T>(String name, Parser<T> parser) {}

    /** A condition every value must meet, with what an error says the value is not. */
    private record Check<T>(Predicate<T> test, String expected) {}

    private final String name;
    private final String expected;
    private final Parser<T> parser;
    private final T fallback;
    private final boolean required;
    private final String defaultText;
    private final String description;
    private final List<Former<T>> formers;
    private final List<Check<T>> checks;
    private final boolean secret;

    private Setting(String name, String expected, Parser<T> parser, T fallback, boolean required, String defaultText,
                    String description, List<Former<T>> formers, List<Check<T>> checks, boolean secret) {
        if (!name.matches("HEED_[A-Z0-9_]+")) {
            throw new IllegalArgumentException("a setting's name is HEED_ and capitals: " + name);
        }
        this.name = name;
        this.expected = expected;
        this.parser = parser;
        this.fallback = fallback;
        this.required = required;
        this.defaultText = defaultText;
        this.description = description;
        this.formers = List.copyOf(formers);
        this.checks = List.copyOf(checks);
        this.secret = secret;
    }

    /** A setting of any type: {@code parser} throws on a bad value, and {@code expected} says what a good one is. */
    public static <T> Setting<T> of(String name, String expected, Function<String, T> parser, T fallback, String defaultText,
                                    String description) {
        return new Setting<>(name, expected, (n, text, w) -> parser.apply(text), fallback, false, defaultText, description,
                List.of(), List.of(), false);
    }

    public static Setting<String> string(String name, String fallback, String description) {
        return of(name, "a string", Function.identity(), fallback, fallback.isEmpty() ? "(empty)" : "`" + fallback + "`", description);
    }

    /** A string with no default: {@link Settings#get} returns null when unset, which {@code unset} explains. */
    public static Setting<String> optional(String name, String unset, String description) {
        return of(name, "a string", Function.identity(), null, unset, description);
    }

    /** A string without which the service cannot start. */
    public static Setting<String> required(String name, String description) {
        return new Setting<>(name, "a string", (n, text, w) -> text, null, true, "(required)", description,
                List.of(), List.of(), false);
    }

    public static Setting<Integer> integer(String name, int fallback, String description) {
        return of(name, "an integer", Integer::parseInt, fallback, "`" + fallback + "`", description);
    }

    /** An integer with no default (null when unset, as {@code unset} explains). */
    public static Setting<Integer> optionalInteger(String name, String unset, String description) {
        return of(name, "an integer", Integer::parseInt, null, unset, description);
    }

    public static Setting<Double> decimal(String name, double fallback, String description) {
        String shown = fallback == Math.rint(fallback) ? Long.toString((long) fallback) : Double.toString(fallback);
        return of(name, "a number", Double::parseDouble, fallback, "`" + shown + "`", description);
    }

    /** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}); anything else is an error, never a silent false. */
    public static Setting<Boolean> bool(String name, boolean fallback, String description) {
        return of(name, "true or false", Setting::parseBoolean, fallback, "`" + fallback + "`", description);
    }

    /**
     * A duration in {@link Durations}' syntax. A bare number, which some services read as seconds before, is
     * still read so, with a warning.
     */
    public static Setting<Duration> duration(String name, Duration fallback, String description) {
        return new Setting<>(name, Durations.EXPECTED, Setting::durationOrSeconds, fallback, false,
                fallback == null ? "(unset)" : "`" + Durations.format(fallback) + "`", description, List.of(), List.of(), false);
    }

    private static Duration durationOrSeconds(String name, String text, Warnings warnings) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            warnings.warn(name + "=" + text + " is read as " + text + " seconds; write " + text
                    + "s (a bare number will be refused in the next release)");
            return Duration.ofSeconds(Long.parseLong(text));
        }
        return Durations.parse(text);
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** The same setting, also read (with a warning) under {@code oldName}, whose value parses the same way. */
    public Setting<T> formerly(String oldName) {
        return formerly(oldName, parser);
    }

    /** The same setting, also read (with a warning) under {@code oldName}, whose value {@code oldParser} reads. */
    public Setting<T> formerly(String oldName, Parser<T> oldParser) {
        List<Former<T>> more = new ArrayList<>(formers);
        more.add(new Former<>(oldName, oldParser));
        return new Setting<>(name, expected, parser, fallback, required, defaultText, description, more, checks, secret);
    }

    /** Values that fail {@code test} are refused at start, as not being {@code expected}. */
    public Setting<T> check(Predicate<T> test, String expected) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(new Check<>(test, expected));
        return new Setting<>(name, this.expected, parser, fallback, required, defaultText, description, formers, more, secret);
    }

    /** The default as the documentation states it, when it is not a constant ("twice X"). */
    public Setting<T> shownDefault(String text) {
        return new Setting<>(name, expected, parser, fallback, required, text, description, formers, checks, secret);
    }

    /** A value that stays out of logs and error messages (passwords, keys). */
    public Setting<T> secret() {
        return new Setting<>(name, expected, parser, fallback, required, defaultText, description, formers, checks, true);
    }

    /** A former {@code _MS} spelling: a whole number of milliseconds. */
    public static Parser<Duration> millis() {
        return (name, text, warnings) -> Duration.ofMillis(Long.parseLong(text));
    }

    T parse(String name, String text, Parser<T> with, Warnings warnings) {
        T value;
        try {
            value = with.parse(name, text, warnings);
        } catch (RuntimeException e) {
            throw new SettingsException(name + "=" + shown(text) + " is not " + expected, e);
        }
        for (Check<T> check : checks) {
            if (!check.test().test(value)) {
                throw new SettingsException(name + "=" + shown(text) + " is not " + check.expected());
            }
        }
        return value;
    }

    private String shown(String text) {
        return secret ? "(secret)" : text;
    }

    public String name() { return name; }
    public Parser<T> parser() { return parser; }
    public T fallback() { return fallback; }
    public boolean required() { return required; }
    public String defaultText() { return defaultText; }
    public String description() { return description; }
    public List<Former<T>> formers() { return formers; }
    public boolean isSecret() { return secret; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting<?> setting && setting.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
