package dev.heed.ingest.http;

import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.IngestApplication;
import dev.heed.schemas.MutableClock;
import dev.heed.ingest.auth.ApiKeyRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link IngestServer} on a free loopback port, wired as the application wires it, with a fake publisher
 * and a hand-moved clock. As a
 * static {@code @RegisterExtension} it gives every test a fresh hour (full rate buckets, a publisher that
 * works) and stops the server after the class.
 */
final class ServerFixture implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
    static final String WEB_KEY = "web-form-key";
    static final String ZENDESK_KEY = "zendesk-key";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    final FakePublisher publisher = new FakePublisher();
    final AtomicBoolean ready = new AtomicBoolean(true);
    final IngestServer server;
    final HttpTestClient http;

    ServerFixture(Map<String, String> overrides) {
        var env = new HashMap<String, String>();
        env.put("HEED_BOOTSTRAP_SERVERS", "unused:1");
        env.put("HEED_REGISTRY_URL", "http://unused");
        env.put("HEED_INGEST_HOST", "127.0.0.1");
        env.put("HEED_INGEST_PORT", "0");
        env.put("HEED_INGEST_API_KEYS", "web-form=" + ApiKeyRegistry.hash(WEB_KEY) + ",zendesk=" + ApiKeyRegistry.hash(ZENDESK_KEY));
        env.put("HEED_INGEST_RATE_PER_SECOND", "1");
        env.put("HEED_INGEST_RATE_BURST", "20");
        env.put("HEED_INGEST_MAX_BODY_BYTES", "4096");
        env.put("HEED_INGEST_MAX_BATCH_ITEMS", "5");
        env.put("HEED_INGEST_IDEMPOTENCY_MAX_ENTRIES", "1000");
        env.putAll(overrides);
        IngestConfig config = IngestConfig.from(env);
        server = IngestApplication.serve(config, publisher, ready::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
        http = new HttpTestClient((config.tls().isPresent() ? "https" : "http") + "://127.0.0.1:" + server.port());
    }

    /** A new hour: every rate bucket is full again, and earlier occurredAt times stay in the past. */
    @Override
    public void beforeEach(ExtensionContext context) {
        clock.advance(Duration.ofHours(1));
        publisher.failure = null;
        ready.set(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
    }
}
