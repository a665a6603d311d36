package dev.heed.ingest.it;

import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.auth.ApiKeyRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts the real ingest-service against a given broker and registry, on a free loopback port. */
final class ItServices {
    static final String WEB_KEY = "it-web-form-key";
    static final String CHAT_KEY = "it-chat-key";
    static final String THROTTLED_KEY = "it-throttled-key";

    private ItServices() {}

    static IngestApplication start(String bootstrapServers, String registryUrl, Map<String, String> overrides) {
        var env = new HashMap<String, String>();
        env.put("HEED_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("HEED_REGISTRY_URL", registryUrl);
        env.put("HEED_INGEST_HOST", "127.0.0.1");
        env.put("HEED_INGEST_PORT", "0");
        env.put("HEED_INGEST_API_KEYS", "web-form=" + ApiKeyRegistry.hash(WEB_KEY) + ",chat-gw=" + ApiKeyRegistry.hash(CHAT_KEY)
                + ",throttled=" + ApiKeyRegistry.hash(THROTTLED_KEY));
        env.put("HEED_INGEST_RATE_PER_SECOND", "5");
        env.put("HEED_INGEST_RATE_BURST", "100");
        env.putAll(overrides);
        return IngestApplication.start(IngestConfig.from(env), Clock.systemUTC());
    }
}
