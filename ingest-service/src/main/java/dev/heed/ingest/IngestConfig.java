package dev.heed.ingest;

import static dev.heed.runtime.catalog.IngestSettings.*;

import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.runtime.auth.VerdictLinks;
import dev.heed.runtime.catalog.CommonSettings;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.runtime.kafka.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ingest-service's settings, as {@link dev.heed.runtime.catalog.IngestSettings} declares them (names,
 * defaults, meanings) and {@link Settings} reads them. Every setting has a default except the Kafka and registry
 * addresses, which have no sensible one. Unknown variables are ignored, so the service can share an environment
 * with others.
 *
 * @param opsPort where {@code /health/*} and {@code /metrics} are served instead of the main port, when set
 * @param kafka   Kafka, registry and topics, read as every service reads them
 * @param verdictLinks the verdict links' secret, empty when the verdict endpoint takes nothing
 */
public record IngestConfig(
        String host,
        int port,
        KafkaSettings kafka,
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
        Optional<VerdictLinks> verdictLinks) {

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
        return from(new Settings(env));
    }

    public static IngestConfig from(Settings settings) {
        Duration kafkaTimeout = settings.get(KAFKA_TIMEOUT);
        int port = settings.get(PORT);
        Duration grace = settings.get(SHUTDOWN_GRACE);
        return new IngestConfig(
                settings.get(HOST),
                port,
                KafkaSettings.from(settings, CREATE_TOPICS),
                ApiKeyRegistry.parse(settings.find(API_KEYS).orElse("")),
                new Limits(settings.get(MAX_BODY_BYTES), settings.get(MAX_BATCH_BYTES), settings.get(MAX_BATCH_ITEMS),
                        settings.get(RATE_PER_SECOND), settings.get(RATE_BURST)),
                kafkaTimeout,
                settings.get(RETRY_AFTER),
                // Twice the Kafka timeout, which bounds a write's wait for metadata and then for its acknowledgement,
                // so a request in flight gets its own answer (20 s by default, inside the 30 s Kubernetes gives a pod).
                grace != null ? grace : kafkaTimeout.multipliedBy(2),
                settings.get(IDEMPOTENCY_TTL),
                settings.get(IDEMPOTENCY_MAX_ENTRIES),
                settings.find(TLS_KEYSTORE).map(keystore -> new Tls(Path.of(keystore), settings.get(TLS_KEYSTORE_PASSWORD),
                        settings.get(TLS_KEYSTORE_TYPE))),
                new Uploads(settings.get(BODY_IDLE_TIMEOUT), settings.get(BODY_TIMEOUT), settings.get(MAX_UPLOADS_PER_KEY),
                        settings.get(MAX_UPLOADS)),
                new AuthFailures(settings.get(AUTH_FAILURES), settings.get(AUTH_FAILURE_WINDOW), settings.get(AUTH_FAILURE_ADDRESSES)),
                opsPort(settings.find(OPS_PORT), port),
                settings.find(CommonSettings.VERDICT_SECRET).map(VerdictLinks::new));
    }

    private static OptionalInt opsPort(Optional<Integer> ops, int port) {
        if (ops.isEmpty()) {
            return OptionalInt.empty();
        }
        if (ops.get() != 0 && ops.get() == port) {
            throw new SettingsException(OPS_PORT.name() + "=" + ops.get()
                    + " is the main port; leave it unset to serve health and metrics there");
        }
        return OptionalInt.of(ops.get());
    }
}
