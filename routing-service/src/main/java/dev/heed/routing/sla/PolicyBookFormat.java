package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.runtime.catalog.RoutingSettings;
import dev.heed.runtime.config.Durations;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads SLA policies from one configuration string (e.g. the {@code HEED_SLA_POLICIES} variable) and merges
 * them over {@link PolicyBook#defaults()}.
 *
 * <p>Format: entries separated by {@code ;} or new lines; each entry is {@code name[@version]: key=value ...}
 * with keys {@code severity} (required: LOW, MEDIUM, HIGH, CRITICAL), {@code channel}, {@code category},
 * {@code target} (required), {@code warn} (fractions, comma-separated, or {@code none}; default 0.5,0.75),
 * {@code repeat} (default: the target) and {@code climb-after} (reminders per level, default 2). Durations are
 * {@code 30s}, {@code 15m}, {@code 4h}, {@code 1d} or ISO-8601. Example:
 * <pre>critical@2: severity=CRITICAL target=10m repeat=5m; vip-web: severity=HIGH channel=WEB target=30m warn=0.5</pre>
 * A resolution target is optional: {@code resolve} (the time to resolve, from escalation), {@code resolve-warn} (as
 * {@code warn}, default 0.5,0.75) and {@code resolve-repeat} (default: the resolution target); the last two only with
 * {@code resolve}. Without {@code resolve} the policy has no resolution clock, as before the key existed.
 * {@code auto-close} (a duration, in the policy's calendar like the others) resolves a complaint that waited that long on
 * the customer with no reply ({@link AutoClose}); without it a complaint on hold waits until a reply or a resume.
 * A blank string means the defaults. Errors name the entry and the key.
 *
 * <p>A policy counts in business time with {@code calendar=NAME}, a calendar from a second string (e.g. the
 * {@code HEED_SLA_CALENDARS} variable), entries separated the same way, each {@code name: zone=ZONE
 * hours=DAYS/HH:MM-HH:MM,... [holidays=YYYY-MM-DD,...] [ics=PATH]}:
 * <pre>office: zone=Europe/Berlin hours=Mon-Fri/09:00-17:00,Sat/10:00-14:00 holidays=2026-12-25,2026-12-26</pre>
 * {@code ics} names an iCalendar file whose all-day events are holidays too ({@link IcsHolidays}), recurring ones
 * expanded from January 1st of the year before {@code today} to December 31st of the year after next.
 */
public final class PolicyBookFormat {

    private static final Set<String> KEYS = Set.of("severity", "channel", "category", "target", "warn", "repeat", "climb-after",
            "calendar", "resolve", "resolve-warn", "resolve-repeat", "auto-close");
    private static final Set<String> CALENDAR_KEYS = Set.of("zone", "hours", "holidays", "ics");

    private PolicyBookFormat() {
    }

    /**
     * The policies routing runs with: {@code HEED_SLA_POLICIES} over the defaults, naming calendars of
     * {@code HEED_SLA_CALENDARS}, scaled by {@code HEED_SLA_TIME_SCALE}; an error names the variable. Here rather than
     * in routing's configuration so that {@code heed replay}'s "live" column is built by the same code from the same
     * settings.
     */
    public static PolicyBook configured(Settings settings) {
        Map<String, BusinessCalendar> calendars;
        try {
            calendars = calendars(settings.get(RoutingSettings.SLA_CALENDARS));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(RoutingSettings.SLA_CALENDARS.name() + ": " + e.getMessage(), e);
        }
        try {
            return parse(settings.get(RoutingSettings.SLA_POLICIES), calendars).timeScaled(settings.get(RoutingSettings.SLA_TIME_SCALE));
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(RoutingSettings.SLA_POLICIES.name() + ": " + e.getMessage(), e);
        }
    }

    public static PolicyBook parse(String text) {
        return parse(text, Map.of());
    }

    /** Policies over the defaults, naming calendars from {@code calendars}. */
    public static PolicyBook parse(String text, Map<String, BusinessCalendar> calendars) {
        List<PolicyRule> rules = new ArrayList<>();
        for (String entry : entries(text)) {
            rules.add(parseEntry(entry, calendars));
        }
        return PolicyBook.defaultsWith(rules);
    }

    /** The calendars of a calendar string by name, iCalendar files read around today (UTC); a blank string has none. */
    public static Map<String, BusinessCalendar> calendars(String text) {
        return calendars(text, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The calendars of a calendar string by name; a blank string has none. The holidays of an {@code ics} file are
     * its dates from January 1st of the year before {@code today} to December 31st of the year after next.
     */
    public static Map<String, BusinessCalendar> calendars(String text, LocalDate today) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        for (String entry : entries(text)) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("calendar entry needs 'name: zone=... hours=...': " + entry);
            }
            String name = entry.substring(0, colon).trim();
            Map<String, String> a = attributes(entry, entry.substring(colon + 1), CALENDAR_KEYS, "calendar");
            try {
                ZoneId zone = ZoneId.of(required(a, "zone"));
                String listed = a.getOrDefault("holidays", "");
                List<String> holidays = new ArrayList<>(listed.isBlank() ? List.of() : List.of(listed.split(",")));
                if (a.containsKey("ics")) {
                    IcsHolidays.read(Path.of(a.get("ics")), LocalDate.of(today.getYear() - 1, 1, 1),
                            LocalDate.of(today.getYear() + 2, 12, 31)).forEach(day -> holidays.add(day.toString()));
                }
                BusinessCalendar calendar = BusinessCalendar.parse(name, zone, required(a, "hours").replace('/', ' '), holidays);
                if (calendars.put(name, calendar) != null) {
                    throw new IllegalArgumentException("defined twice");
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException("calendar entry '" + entry + "': " + e.getMessage(), e);
            }
        }
        return calendars;
    }

    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split("[;\\n]")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static PolicyRule parseEntry(String entry, Map<String, BusinessCalendar> calendars) {
        int colon = entry.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("SLA policy entry needs 'name[@version]: key=value ...': " + entry);
        }
        String[] nameVersion = entry.substring(0, colon).trim().split("@", 2);
        Map<String, String> attributes = attributes(entry, entry.substring(colon + 1), KEYS, "SLA policy");
        try {
            return rule(nameVersion[0], nameVersion.length > 1 ? Integer.parseInt(nameVersion[1]) : 1, attributes, calendars);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLA policy entry '" + entry + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> attributes(String entry, String text, Set<String> keys, String what) {
        Map<String, String> attributes = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            String[] keyValue = pair.split("=", 2);
            String key = keyValue[0].toLowerCase(Locale.ROOT);
            if (keyValue.length != 2 || !keys.contains(key)) {
                throw new IllegalArgumentException(what + " entry '" + entry + "': unknown or malformed '" + pair
                        + "', keys are " + new java.util.TreeSet<>(keys));
            }
            attributes.put(key, keyValue[1]);
        }
        return attributes;
    }

    private static PolicyRule rule(String name, int version, Map<String, String> a, Map<String, BusinessCalendar> calendars) {
        Duration target = Durations.parse(required(a, "target"));
        SlaPolicy policy = new SlaPolicy(name, version, target, warnings(a.getOrDefault("warn", "0.5,0.75")),
                a.containsKey("repeat") ? Durations.parse(a.get("repeat")) : target,
                Integer.parseInt(a.getOrDefault("climb-after", String.valueOf(SlaPolicy.DEFAULT_REMINDERS_PER_LEVEL))));
        policy = policy.resolving(resolution(a));
        if (a.containsKey("auto-close")) {
            policy = policy.closingAfter(Durations.parse(a.get("auto-close")));
        }
        if (a.containsKey("calendar")) {
            BusinessCalendar calendar = calendars.get(a.get("calendar"));
            if (calendar == null) {
                throw new IllegalArgumentException("unknown calendar '" + a.get("calendar") + "', defined: " + calendars.keySet());
            }
            policy = policy.in(calendar);
        }
        SeverityLabel severity = SeverityLabel.valueOf(required(a, "severity").toUpperCase(Locale.ROOT));
        CategoryLabel category = a.containsKey("category") ? CategoryLabel.valueOf(a.get("category").toUpperCase(Locale.ROOT)) : null;
        return new PolicyRule(severity, a.get("channel"), category, policy);
    }

    /** The resolution target of an entry, null when it names none; its warnings and repeat need the target. */
    private static ResolutionTarget resolution(Map<String, String> a) {
        if (!a.containsKey("resolve")) {
            for (String key : List.of("resolve-warn", "resolve-repeat")) {
                if (a.containsKey(key)) {
                    throw new IllegalArgumentException(key + " needs resolve (the resolution target)");
                }
            }
            return null;
        }
        Duration target = Durations.parse(a.get("resolve"));
        return new ResolutionTarget(target, warnings(a.getOrDefault("resolve-warn", "0.5,0.75")),
                a.containsKey("resolve-repeat") ? Durations.parse(a.get("resolve-repeat")) : target);
    }

    private static List<Double> warnings(String text) {
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Double> fractions = new ArrayList<>();
        for (String part : text.split(",")) {
            fractions.add(Double.parseDouble(part.trim()));
        }
        return fractions;
    }

    private static String required(Map<String, String> attributes, String key) {
        String value = attributes.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
