package dev.heed.cli.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The three Heed services as the local run starts them, in start order (producers of a topic first). */
final class ServiceCatalog {
    /** The local run's demo API key for ingest, bound to source {@code demo}; printed by {@code heed up}. */
    static final String DEMO_API_KEY = "heed-local-demo-key";
    /** The local run's agent token for acknowledgements. */
    static final String DEMO_AGENT_TOKEN = "heed-local-agent-token";

    private ServiceCatalog() {}

    static List<ServiceSpec> services(LocalRunConfig config) {
        Map<String, String> common = new HashMap<>();
        common.put("HEED_BOOTSTRAP_SERVERS", config.bootstrapServers());
        common.put("HEED_REGISTRY_URL", config.registryUrl());
        common.put("HEED_TOPIC_REPLICATION_FACTOR", "1");
        return List.of(
                new ServiceSpec("routing-service", "routing-service", "dev.heed.routing.app.RoutingApplication", config.routingPort(),
                        with(common, Map.of(
                                "HEED_ROUTING_HTTP_PORT", Integer.toString(config.routingPort()),
                                "HEED_ROUTING_STATE_DIR", config.dataDir().resolve("routing-state").toString(),
                                "HEED_SLA_TIME_SCALE", Integer.toString(config.timeScale())))),
                new ServiceSpec("responder-service", "responder-service", "dev.heed.responder.ResponderApplication", config.responderPort(),
                        with(common, Map.of(
                                "HEED_RESPONDER_PORT", Integer.toString(config.responderPort()),
                                "HEED_RESPONDER_AGENT_TOKENS", "demo-agent=" + DEMO_AGENT_TOKEN))),
                new ServiceSpec("ingest-service", "ingest-service", "dev.heed.ingest.IngestApplication", config.ingestPort(),
                        with(common, Map.of(
                                "HEED_INGEST_PORT", Integer.toString(config.ingestPort()),
                                "HEED_INGEST_API_KEYS", "demo=" + DEMO_API_KEY))));
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        return Map.copyOf(all);
    }
}
