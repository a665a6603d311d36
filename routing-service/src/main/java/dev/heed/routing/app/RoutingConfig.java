package dev.heed.routing.app;

import dev.heed.routing.sla.DurationText;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.ClockSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The routing-service configuration, read from environment variables with defaults (12-factor). Every
 * {@code HEED_KAFKA_*} variable passes through to Kafka: {@code HEED_KAFKA_SECURITY_PROTOCOL} becomes
 * {@code security.protocol}. The README lists every variable.
 */
public record RoutingConfig(String bootstrapServers, String registryUrl, boolean autoRegister, String applicationId,
                            String httpHost, int httpPort, String advertisedHost, int partitions, short replicationFactor,
                            boolean createTopics, int standbyReplicas, int streamThreads, String stateDir,
                            ClockSettings clockSettings, PolicyBook policies, Map<String, String> kafka) {

    static final String KAFKA_PREFIX = "HEED_KAFKA_";

    public static RoutingConfig from(Map<String, String> env) {
        Reader r = new Reader(env);
        return new RoutingConfig(
                r.required("HEED_BOOTSTRAP_SERVERS"),
                r.required("HEED_REGISTRY_URL"),
                Boolean.parseBoolean(r.get("HEED_REGISTRY_AUTO_REGISTER", "true")),
                r.get("HEED_ROUTING_APPLICATION_ID", "heed-routing"),
                r.get("HEED_ROUTING_HTTP_HOST", "0.0.0.0"),
                Integer.parseInt(r.get("HEED_ROUTING_HTTP_PORT", "8082")),
                r.get("HEED_ROUTING_ADVERTISED_HOST", "localhost"),
                Integer.parseInt(r.get("HEED_TOPIC_PARTITIONS", "6")),
                Short.parseShort(r.get("HEED_TOPIC_REPLICATION_FACTOR", "1")),
                Boolean.parseBoolean(r.get("HEED_CREATE_TOPICS", "true")),
                Integer.parseInt(r.get("HEED_ROUTING_STANDBY_REPLICAS", "0")),
                Integer.parseInt(r.get("HEED_ROUTING_STREAM_THREADS", "1")),
                r.get("HEED_ROUTING_STATE_DIR", null),
                new ClockSettings(
                        r.duration("HEED_ROUTING_PUNCTUATE_INTERVAL", ClockSettings.DEFAULT_PUNCTUATE_INTERVAL),
                        r.duration("HEED_ROUTING_DEDUPE_RETENTION", ClockSettings.DEFAULT_RETENTION),
                        r.duration("HEED_ROUTING_EARLY_ACK_RETENTION", ClockSettings.DEFAULT_RETENTION)),
                PolicyBookFormat.parse(env.get("HEED_SLA_POLICIES"))
                        .timeScaled(Integer.parseInt(r.get("HEED_SLA_TIME_SCALE", "1"))),
                kafkaPassthrough(env));
    }

    private static Map<String, String> kafkaPassthrough(Map<String, String> env) {
        Map<String, String> kafka = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_PREFIX)) {
                kafka.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return Map.copyOf(kafka);
    }

    /** Reads one variable at a time so an error names the variable. */
    private record Reader(Map<String, String> env) {
        String get(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        String required(String name) {
            String value = get(name, null);
            if (value == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }

        Duration duration(String name, Duration fallback) {
            String value = get(name, null);
            try {
                return value == null ? fallback : DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
    }
}
