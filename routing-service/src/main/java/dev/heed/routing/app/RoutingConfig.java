package dev.heed.routing.app;

import dev.heed.routing.sla.DurationText;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.schemas.auth.TokenStore;
import dev.heed.schemas.config.EnvVars;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The routing-service configuration, read from environment variables with defaults (12-factor). Every
 * {@code HEED_KAFKA_*} variable passes through to Kafka: {@code HEED_KAFKA_SECURITY_PROTOCOL} becomes
 * {@code security.protocol}. The README lists every variable.
 */
public record RoutingConfig(String bootstrapServers, String registryUrl, boolean autoRegister, String applicationId,
                            String httpHost, int httpPort, OptionalInt opsPort, TokenStore queryTokens, String advertisedHost,
                            int partitions, short replicationFactor,
                            boolean createTopics, int standbyReplicas, int streamThreads, String stateDir,
                            ClockSettings clockSettings, PolicyBook policies, Map<String, String> kafka) {

    public RoutingConfig {
        if (opsPort.isPresent() && opsPort.getAsInt() == httpPort && httpPort != 0) {
            throw new IllegalArgumentException("HEED_ROUTING_OPS_PORT=" + httpPort
                    + " is HEED_ROUTING_HTTP_PORT too: leave it unset to serve health and metrics on that port");
        }
    }

    public static RoutingConfig from(Map<String, String> env) {
        EnvVars vars = new EnvVars(env);
        return new RoutingConfig(
                vars.required("HEED_BOOTSTRAP_SERVERS"),
                vars.required("HEED_REGISTRY_URL"),
                vars.bool("HEED_REGISTRY_AUTO_REGISTER", true),
                vars.string("HEED_ROUTING_APPLICATION_ID", "heed-routing"),
                vars.string("HEED_ROUTING_HTTP_HOST", "0.0.0.0"),
                vars.integer("HEED_ROUTING_HTTP_PORT", 8082),
                vars.optional("HEED_ROUTING_OPS_PORT").isPresent()
                        ? OptionalInt.of(vars.integer("HEED_ROUTING_OPS_PORT", 0)) : OptionalInt.empty(),
                // The acknowledge API's tokens: whoever may acknowledge a complaint may see its state.
                TokenStore.parse(vars.string("HEED_ACK_TOKENS", "")),
                vars.string("HEED_ROUTING_ADVERTISED_HOST", "localhost"),
                vars.integer("HEED_TOPIC_PARTITIONS", 6),
                (short) vars.integer("HEED_TOPIC_REPLICATION_FACTOR", 1),
                vars.bool("HEED_CREATE_TOPICS", true),
                vars.integer("HEED_ROUTING_STANDBY_REPLICAS", 0),
                vars.integer("HEED_ROUTING_STREAM_THREADS", 1),
                vars.string("HEED_ROUTING_STATE_DIR", null),
                new ClockSettings(
                        duration(vars, "HEED_ROUTING_PUNCTUATE_INTERVAL", ClockSettings.DEFAULT_PUNCTUATE_INTERVAL),
                        duration(vars, "HEED_ROUTING_DEDUPE_RETENTION", ClockSettings.DEFAULT_RETENTION),
                        duration(vars, "HEED_ROUTING_EARLY_ACK_RETENTION", ClockSettings.DEFAULT_RETENTION)),
                PolicyBookFormat.parse(env.get("HEED_SLA_POLICIES"))
                        .timeScaled(vars.integer("HEED_SLA_TIME_SCALE", 1)),
                vars.kafkaPassthrough());
    }

    /** Routing's durations read as people write them: {@code 30s}, {@code 15m}, {@code 7d} or ISO-8601. */
    private static Duration duration(EnvVars vars, String name, Duration fallback) {
        return vars.parsed(name, fallback, DurationText::parse, "a duration such as 30s, 15m, 7d or PT15M");
    }
}
