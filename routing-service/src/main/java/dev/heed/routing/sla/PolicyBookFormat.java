package dev.heed.routing.sla;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.runtime.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A blank string means the defaults. Errors name the entry and the key.
 */
public final class PolicyBookFormat {

    private static final Set<String> KEYS = Set.of("severity", "channel", "category", "target", "warn", "repeat", "climb-after");

    private PolicyBookFormat() {
    }

    public static PolicyBook parse(String text) {
        List<PolicyRule> rules = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split("[;\\n]")) {
                if (!entry.isBlank()) {
                    rules.add(parseEntry(entry.trim()));
                }
            }
        }
        return PolicyBook.defaultsWith(rules);
    }

    private static PolicyRule parseEntry(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("SLA policy entry needs 'name[@version]: key=value ...': " + entry);
        }
        String[] nameVersion = entry.substring(0, colon).trim().split("@", 2);
        Map<String, String> attributes = attributes(entry, entry.substring(colon + 1));
        try {
            return rule(nameVersion[0], nameVersion.length > 1 ? Integer.parseInt(nameVersion[1]) : 1, attributes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLA policy entry '" + entry + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> attributes(String entry, String text) {
        Map<String, String> attributes = new HashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            String[] keyValue = pair.split("=", 2);
            String key = keyValue[0].toLowerCase(Locale.ROOT);
            if (keyValue.length != 2 || !KEYS.contains(key)) {
                throw new IllegalArgumentException("SLA policy entry '" + entry + "': unknown or malformed '" + pair
                        + "', keys are " + KEYS);
            }
            attributes.put(key, keyValue[1]);
        }
        return attributes;
    }

    private static PolicyRule rule(String name, int version, Map<String, String> a) {
        Duration target = Durations.parse(required(a, "target"));
        SlaPolicy policy = new SlaPolicy(name, version, target, warnings(a.getOrDefault("warn", "0.5,0.75")),
                a.containsKey("repeat") ? Durations.parse(a.get("repeat")) : target,
                Integer.parseInt(a.getOrDefault("climb-after", String.valueOf(SlaPolicy.DEFAULT_REMINDERS_PER_LEVEL))));
        SeverityLabel severity = SeverityLabel.valueOf(required(a, "severity").toUpperCase(Locale.ROOT));
        CategoryLabel category = a.containsKey("category") ? CategoryLabel.valueOf(a.get("category").toUpperCase(Locale.ROOT)) : null;
        return new PolicyRule(severity, a.get("channel"), category, policy);
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
