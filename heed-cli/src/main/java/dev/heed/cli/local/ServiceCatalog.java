package dev.heed.cli.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The three Heed services as the local run starts them, in start order (producers of a topic first). */
final class ServiceCatalog {
    /** The local run's demo API key for ingest, bound to source {@code demo}; printed by {@code heed up}. */
    static final String DEMO_API_KEY = "heed-local-demo-key";
    /** Ingest holds API keys only as SHA-256: {@code printf %s heed-local-demo-key | sha256sum}. */
    static final String DEMO_API_KEY_SHA256 = "a72f6d81157b3f285bd02c2828b189afdf818ef1ddcf06234887421a7f672768";
    /** The local run's agent token for acknowledgements (agent {@code demo-agent}). */
    static final String DEMO_AGENT_TOKEN = "heed-local-agent-token";
    /** Responder holds tokens only as SHA-256: {@code printf %s heed-local-agent-token | sha256sum}. */
    static final String DEMO_AGENT_TOKEN_SHA256 = "0da32d4f733ce30f971ea5a979752f1944737bf34fa96e158daa5a6de0ed5edf";
    /** The tokens the responder's acknowledge API and routing's complaint queries take in the local run. */
    private static final String DEMO_ACK_TOKENS = "agent:demo-agent:" + DEMO_AGENT_TOKEN_SHA256;

    /** Where the local run's services listen: loopback only, as their ports are (the services default to every interface). */
    static final String LOOPBACK = "127.0.0.1";

    private ServiceCatalog() {}

    /**
     * @param env the environment of {@code heed up}: its SMTP, source and agent settings ({@code HEED_SMTP_*},
     *            {@code HEED_SOURCE_*}, the agent recipients {@code HEED_AGENTS_<QUEUE>_<LEVEL>} and
     *            {@code HEED_AGENT_*}) reach the responder, so the local run can send real e-mail and webhooks
     */
    static List<ServiceSpec> services(LocalRunConfig config, Map<String, String> env) {
        Map<String, String> responderOwn = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("HEED_SMTP_") || name.startsWith("HEED_SOURCE_") || name.startsWith("HEED_AGENTS_")
                    || name.startsWith("HEED_AGENT_")) {
                responderOwn.put(name, value);
            }
        });
        Map<String, String> common = new HashMap<>();
        common.put("HEED_BOOTSTRAP_SERVERS", config.bootstrapServers());
        common.put("HEED_REGISTRY_URL", config.registryUrl());
        common.put("HEED_TOPIC_REPLICATION_FACTOR", "1");
        return List.of(
                new ServiceSpec("routing-service", "routing-service", "dev.heed.routing.app.RoutingApplication", config.routingPort(),
                        with(common, Map.of(
                                "HEED_ROUTING_HTTP_HOST", LOOPBACK,
                                // Where another instance would forward queries: the address it listens on, not "localhost" (maybe ::1).
                                "HEED_ROUTING_ADVERTISED_HOST", LOOPBACK,
                                "HEED_ROUTING_HTTP_PORT", Integer.toString(config.routingPort()),
                                "HEED_ACK_TOKENS", DEMO_ACK_TOKENS,
                                "HEED_ROUTING_STATE_DIR", config.dataDir().resolve("routing-state").toString(),
                                "HEED_SLA_TIME_SCALE", Integer.toString(config.timeScale())))),
                new ServiceSpec("responder-service", "responder-service", "dev.heed.responder.ResponderApplication", config.responderPort(),
                        with(with(common, responderOwn), Map.of(
                                "HEED_RESPONDER_HOST", LOOPBACK,
                                "HEED_RESPONDER_PORT", Integer.toString(config.responderPort()),
                                "HEED_RESPONDER_PUBLIC_URL", "http://127.0.0.1:" + config.responderPort(),
                                "HEED_ACK_TOKENS", DEMO_ACK_TOKENS))),
                new ServiceSpec("ingest-service", "ingest-service", "dev.heed.ingest.IngestApplication", config.ingestPort(),
                        with(common, Map.of(
                                "HEED_INGEST_HOST", LOOPBACK,
                                "HEED_INGEST_PORT", Integer.toString(config.ingestPort()),
                                "HEED_INGEST_API_KEYS", "demo=" + DEMO_API_KEY_SHA256))));
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        return Map.copyOf(all);
    }
}
