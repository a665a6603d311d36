package dev.heed.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link Setting}s from the environment, with one rule for every service and the CLI: a blank value counts
 * as unset and values are trimmed; the current name wins over a former one (a former name is read, with a
 * warning, only when the current one is unset); a value that does not parse stops the start with a
 * {@link SettingsException} naming the variable, the value and what was expected, never a silent default.
 */
public final class Settings {
    /** {@code HEED_KAFKA_SECURITY_PROTOCOL=SSL} reaches every Kafka client as {@code security.protocol=SSL}. */
    public static final String KAFKA_PREFIX = "HEED_KAFKA_";

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final Map<String, String> env;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The process's environment. */
    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** The value, the fallback when unset (null for a setting without one), or an error when required. */
    public <T> T get(Setting<T> setting) {
        Optional<String> value = raw(setting.name());
        for (Setting.Former<T> former : setting.formers()) {
            Optional<String> old = raw(former.name());
            if (old.isEmpty()) {
                continue;
            }
            if (value.isPresent()) {
                warn(former.name() + " is ignored: " + setting.name() + " is set, and " + former.name()
                        + " is a former name that the next release will not read");
                continue;
            }
            warn(former.name() + " is deprecated: use " + setting.name()
                    + (former.name().endsWith("_MS") ? ", which takes " + Durations.EXPECTED : "")
                    + "; the next release will not read " + former.name());
            return setting.parse(former.name(), old.get(), former.parser(), this::warn);
        }
        if (value.isPresent()) {
            return setting.parse(setting.name(), value.get(), setting.parser(), this::warn);
        }
        if (setting.required()) {
            throw new SettingsException(setting.name() + " is required");
        }
        return setting.fallback();
    }

    /** The value when set (under its name or a former one), else empty; the fallback does not count. */
    public <T> Optional<T> find(Setting<T> setting) {
        boolean set = raw(setting.name()).isPresent() || setting.formers().stream().anyMatch(f -> raw(f.name()).isPresent());
        return set ? Optional.ofNullable(get(setting)) : Optional.empty();
    }

    /** Every set variable of a family, by its full name, values trimmed. */
    public Map<String, String> matching(PatternSetting family) {
        Map<String, String> found = new TreeMap<>();
        env.forEach((name, value) -> {
            Matcher matcher = family.regex().matcher(name);
            if (matcher.matches() && !value.isBlank()) {
                found.put(name, value.trim());
            }
        });
        return found;
    }

    /**
     * Kafka client settings from {@code HEED_KAFKA_*}: the rest of the name lower-cased, underscores to dots.
     * The few Kafka settings whose names hold a dash cannot be passed this way; no security or tuning setting an
     * operator needs does.
     */
    public Map<String, String> kafkaPassthrough() {
        Map<String, String> kafka = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length() && !value.isBlank()) {
                kafka.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
            }
        });
        return Map.copyOf(kafka);
    }

    /** The raw, trimmed value of a variable; blank counts as unset. */
    public Optional<String> raw(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** What was accepted for the last time (former names, old spellings), in the order it was read. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Logs a warning once and keeps it for {@link #warnings()}. */
    public void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
            LOG.warn(message);
        }
    }
}
