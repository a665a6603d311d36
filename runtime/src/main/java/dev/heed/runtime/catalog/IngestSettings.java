package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Setting;
import dev.heed.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;

/** The ingest-service's own settings. */
public final class IngestSettings {
    public static final Setting<String> HOST = Setting.string("HEED_INGEST_HOST", "0.0.0.0",
            "the address every port listens on (the local run binds `127.0.0.1`)");
    public static final Setting<Integer> PORT = Setting.integer("HEED_INGEST_PORT", 8080, "the API's port (0: any free port)");
    public static final Setting<Integer> OPS_PORT = Setting.optionalInteger("HEED_INGEST_OPS_PORT",
            "(unset: on `HEED_INGEST_PORT`)", "serve `/health/live`, `/health/ready` and `/metrics` on this port only, in plain HTTP");
    public static final Setting<String> API_KEYS = Setting.optional("HEED_INGEST_API_KEYS", "(none: every request is 401)",
            "comma-separated `source=sha256hex`; the hash is `printf %s \"$KEY\" | sha256sum`; keys are held only hashed "
                    + "and compared in constant time").secret();
    public static final Setting<Double> RATE_PER_SECOND = Setting.decimal("HEED_INGEST_RATE_PER_SECOND", 100,
            "token bucket per API key: requests per second (a batch is one request)");
    public static final Setting<Integer> RATE_BURST = Setting.integer("HEED_INGEST_RATE_BURST", 200, "token bucket per API key: burst");
    public static final Setting<Integer> MAX_BODY_BYTES = Setting.integer("HEED_INGEST_MAX_BODY_BYTES", 64 * 1024,
            "a single event's body limit");
    public static final Setting<Integer> MAX_BATCH_BYTES = Setting.integer("HEED_INGEST_MAX_BATCH_BYTES", 4 * 1024 * 1024,
            "a batch's body limit");
    public static final Setting<Integer> MAX_BATCH_ITEMS = Setting.integer("HEED_INGEST_MAX_BATCH_ITEMS", 500, "events per batch");
    public static final Setting<Duration> KAFKA_TIMEOUT = Setting.duration("HEED_INGEST_KAFKA_TIMEOUT", Duration.ofSeconds(10),
            "`delivery.timeout.ms` and `max.block.ms`: a request answers 503 within about twice this when Kafka is away");
    public static final Setting<Duration> RETRY_AFTER = Setting.duration("HEED_INGEST_RETRY_AFTER", Duration.ofSeconds(5),
            "`Retry-After` on a 503, and on a 429 for too many uploads");
    public static final Setting<Duration> SHUTDOWN_GRACE = Setting.duration("HEED_INGEST_SHUTDOWN_GRACE", null,
            "on stop, how long requests in flight may still wait for Kafka").shownDefault("twice `HEED_INGEST_KAFKA_TIMEOUT`");
    public static final Setting<Duration> IDEMPOTENCY_TTL = Setting.duration("HEED_INGEST_IDEMPOTENCY_TTL", Duration.ofHours(24),
            "how long a repeated request is answered from memory (see docs/ingest.md)");
    public static final Setting<Integer> IDEMPOTENCY_MAX_ENTRIES = Setting.integer("HEED_INGEST_IDEMPOTENCY_MAX_ENTRIES", 100_000,
            "how many idempotency keys are remembered at most");
    public static final Setting<String> TLS_KEYSTORE = Setting.optional("HEED_INGEST_TLS_KEYSTORE", "(plain HTTP)",
            "serve HTTPS only, from this keystore");
    public static final Setting<String> TLS_KEYSTORE_PASSWORD = Setting.string("HEED_INGEST_TLS_KEYSTORE_PASSWORD", "",
            "the keystore's password").secret();
    public static final Setting<String> TLS_KEYSTORE_TYPE = Setting.string("HEED_INGEST_TLS_KEYSTORE_TYPE", "PKCS12",
            "`PKCS12` or `JKS`");
    public static final Setting<Duration> BODY_TIMEOUT = positive(Setting.duration("HEED_INGEST_BODY_TIMEOUT", Duration.ofSeconds(30),
            "a body must arrive whole within this of its headers (408 after)"));
    public static final Setting<Duration> BODY_IDLE_TIMEOUT = positive(Setting.duration("HEED_INGEST_BODY_IDLE_TIMEOUT",
            Duration.ofSeconds(10), "the longest pause while a body arrives (408 after)"));
    public static final Setting<Integer> MAX_UPLOADS_PER_KEY = atLeastOne(Setting.integer("HEED_INGEST_MAX_UPLOADS_PER_KEY", 64,
            "bodies of one API key on their way at once (429 after)"));
    public static final Setting<Integer> MAX_UPLOADS = atLeastOne(Setting.integer("HEED_INGEST_MAX_UPLOADS", 256,
            "bodies on their way at once in all (503 after)"));
    public static final Setting<Integer> AUTH_FAILURES = atLeastOne(Setting.integer("HEED_INGEST_AUTH_FAILURES", 20,
            "requests without a valid key allowed per client address and window (429 after)"));
    public static final Setting<Duration> AUTH_FAILURE_WINDOW = positive(Setting.duration("HEED_INGEST_AUTH_FAILURE_WINDOW",
            Duration.ofMinutes(1), "the window of `HEED_INGEST_AUTH_FAILURES`"));
    public static final Setting<Integer> AUTH_FAILURE_ADDRESSES = atLeastOne(Setting.integer("HEED_INGEST_AUTH_FAILURE_ADDRESSES",
            10_000, "how many client addresses are counted one by one"));
    /** The common switch, also read under ingest's former name. */
    public static final Setting<Boolean> CREATE_TOPICS = KafkaSettings.CREATE_TOPICS.formerly("HEED_INGEST_CREATE_TOPICS");

    public static final List<Setting<?>> DECLARED = List.of(HOST, PORT, OPS_PORT, API_KEYS, RATE_PER_SECOND, RATE_BURST,
            MAX_BODY_BYTES, MAX_BATCH_BYTES, MAX_BATCH_ITEMS, KAFKA_TIMEOUT, RETRY_AFTER, SHUTDOWN_GRACE, IDEMPOTENCY_TTL,
            IDEMPOTENCY_MAX_ENTRIES, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, TLS_KEYSTORE_TYPE, BODY_TIMEOUT, BODY_IDLE_TIMEOUT,
            MAX_UPLOADS_PER_KEY, MAX_UPLOADS, AUTH_FAILURES, AUTH_FAILURE_WINDOW, AUTH_FAILURE_ADDRESSES, CommonSettings.VERDICT_SECRET);

    private IngestSettings() {}

    static Setting<Duration> positive(Setting<Duration> setting) {
        return setting.check(d -> !d.isNegative() && !d.isZero(), "a positive duration");
    }

    static Setting<Integer> atLeastOne(Setting<Integer> setting) {
        return setting.check(n -> n >= 1, "at least 1");
    }
}
