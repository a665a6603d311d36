package dev.heed.responder;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables, each failure naming the variable. */
final class Env {
    private final Map<String, String> env;

    Env(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> all() {
        return env;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    int integer(String name, int fallback) {
        return optional(name).map(v -> parse(name, v, Integer::parseInt)).orElse(fallback);
    }

    boolean bool(String name, boolean fallback) {
        return optional(name).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        }).orElse(fallback);
    }

    Duration millis(String name, Duration fallback) {
        return optional(name).map(v -> Duration.ofMillis(parse(name, v, Long::parseLong))).orElse(fallback);
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
        }
    }
}
