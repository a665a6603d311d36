package dev.heed.ingest;

import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.schemas.config.EnvVars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ingest-service's settings, read from environment-style variables with the {@code HEED_} prefix.
 * Every setting has a default except the Kafka and registry addresses, which have no sensible one.
 * Unknown variables are ignored, so the service can share an environment with others.
 *
 * @param opsPort where {@code /health/*} and {@code /metrics} are served instead of the main port, when set
 * @param kafka Kafka client settings passed through from {@code HEED_KAFKA_*} (see {@link EnvVars#kafkaPassthrough()})
 */
public record IngestConfig(
        String host,
        int port,
        String bootstrapServers,
        String registryUrl,
        boolean registryAutoRegister,
        int topicPartitions,
        short replicationFactor,
        boolean createTopics,
        ApiKeyRegistry apiKeys,
        Limits limits,
        Duration kafkaTimeout,
        Duration retryAfter,
        Duration shutdownGrace,
        Duration idempotencyTtl,
        int idempotencyMaxEntries,
        Optional<Tls> tls,
        Uploads uploads,
        AuthFailures authFailures,
        OptionalInt opsPort,
        Map<String, String> kafka) {

    /** Request limits; the rate is per API key. */
    public record Limits(int maxBodyBytes, int maxBatchBytes, int maxBatchItems, double ratePerSecond, int rateBurst) {}

    /**
     * How request bodies may arrive: each within {@code timeout} of its headers, with no pause longer than
     * {@code idleTimeout}; at most {@code maxPerKey} bodies of one API key and {@code maxTotal} in all on their way.
     */
    public record Uploads(Duration idleTimeout, Duration timeout, int maxPerKey, int maxTotal) {}

    /** Requests without a valid API key: at most {@code max} per client address in each {@code window}. */
    public record AuthFailures(int max, Duration window, int maxAddresses) {}

    /** A keystore (PKCS12 or JKS) holding the server's certificate and key. */
    public record Tls(Path keystore, String password, String type) {}

    public static IngestConfig from(Map<String, String> env) {
        var vars = new EnvVars(env);
        Duration kafkaTimeout = vars.duration("HEED_INGEST_KAFKA_TIMEOUT", Duration.ofSeconds(10));
        int port = vars.integer("HEED_INGEST_PORT", 8080);
        return new IngestConfig(
                vars.string("HEED_INGEST_HOST", "0.0.0.0"),
                port,
                vars.required("HEED_BOOTSTRAP_SERVERS"),
                vars.required("HEED_REGISTRY_URL"),
                vars.bool("HEED_REGISTRY_AUTO_REGISTER", true),
                vars.integer("HEED_TOPIC_PARTITIONS", 6),
                (short) vars.integer("HEED_TOPIC_REPLICATION_FACTOR", 1),
                vars.bool("HEED_INGEST_CREATE_TOPICS", true),
                ApiKeyRegistry.parse(vars.string("HEED_INGEST_API_KEYS", "")),
                new Limits(
                        vars.integer("HEED_INGEST_MAX_BODY_BYTES", 64 * 1024),
                        vars.integer("HEED_INGEST_MAX_BATCH_BYTES", 4 * 1024 * 1024),
                        vars.integer("HEED_INGEST_MAX_BATCH_ITEMS", 500),
                        vars.decimal("HEED_INGEST_RATE_PER_SECOND", 100),
                        vars.integer("HEED_INGEST_RATE_BURST", 200)),
                kafkaTimeout,
                vars.duration("HEED_INGEST_RETRY_AFTER", Duration.ofSeconds(5)),
                // Twice the Kafka timeout, which bounds a write's wait for metadata and then for its acknowledgement,
                // so a request in flight gets its own answer (20 s by default, inside the 30 s Kubernetes gives a pod).
                vars.duration("HEED_INGEST_SHUTDOWN_GRACE", kafkaTimeout.multipliedBy(2)),
                vars.duration("HEED_INGEST_IDEMPOTENCY_TTL", Duration.ofHours(24)),
                vars.integer("HEED_INGEST_IDEMPOTENCY_MAX_ENTRIES", 100_000),
                tls(vars),
                new Uploads(
                        positive(vars, "HEED_INGEST_BODY_IDLE_TIMEOUT", Duration.ofSeconds(10)),
                        positive(vars, "HEED_INGEST_BODY_TIMEOUT", Duration.ofSeconds(30)),
                        atLeastOne(vars, "HEED_INGEST_MAX_UPLOADS_PER_KEY", 64),
                        atLeastOne(vars, "HEED_INGEST_MAX_UPLOADS", 256)),
                new AuthFailures(
                        atLeastOne(vars, "HEED_INGEST_AUTH_FAILURES", 20),
                        positive(vars, "HEED_INGEST_AUTH_FAILURE_WINDOW", Duration.ofMinutes(1)),
                        atLeastOne(vars, "HEED_INGEST_AUTH_FAILURE_ADDRESSES", 10_000)),
                opsPort(vars, port),
                vars.kafkaPassthrough());
    }

    private static Duration positive(EnvVars vars, String name, Duration fallback) {
        Duration duration = vars.duration(name, fallback);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + "=" + vars.optional(name).orElse("") + " is not a positive duration");
        }
        return duration;
    }

    private static int atLeastOne(EnvVars vars, String name, int fallback) {
        int number = vars.integer(name, fallback);
        if (number < 1) {
            throw new IllegalArgumentException(name + "=" + number + " is not at least 1");
        }
        return number;
    }

    private static OptionalInt opsPort(EnvVars vars, int port) {
        if (vars.optional("HEED_INGEST_OPS_PORT").isEmpty()) {
            return OptionalInt.empty();
        }
        int ops = vars.integer("HEED_INGEST_OPS_PORT", 0);
        if (ops != 0 && ops == port) {
            throw new IllegalArgumentException("HEED_INGEST_OPS_PORT=" + ops + " is the main port; leave it unset to serve health and metrics there");
        }
        return OptionalInt.of(ops);
    }

    private static Optional<Tls> tls(EnvVars vars) {
        String keystore = vars.string("HEED_INGEST_TLS_KEYSTORE", "");
        if (keystore.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Tls(Path.of(keystore), vars.string("HEED_INGEST_TLS_KEYSTORE_PASSWORD", ""),
                vars.string("HEED_INGEST_TLS_KEYSTORE_TYPE", "PKCS12")));
    }
}
