package dev.heed.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client settings from the environment: {@code HEED_KAFKA_SECURITY_PROTOCOL} becomes
 * {@code security.protocol}. Underscores map to dots, so the few Kafka settings whose names hold a dash
 * cannot be passed this way; none of the security or tuning settings an operator needs do.
 */
public final class KafkaPassthrough {
    static final String PREFIX = "HEED_KAFKA_";

    private KafkaPassthrough() {}

    public static Map<String, String> from(Map<String, String> env) {
        var kafka = new TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                kafka.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return Map.copyOf(kafka);
    }
}
