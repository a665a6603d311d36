package dev.heed.cli.local;

import dev.heed.runtime.catalog.CommonSettings;
import dev.heed.runtime.catalog.IngestSettings;
import dev.heed.runtime.catalog.ResponderSettings;
import dev.heed.runtime.catalog.RoutingSettings;
import dev.heed.runtime.catalog.ServiceDescriptor;
import dev.heed.runtime.catalog.Services;
import dev.heed.runtime.config.PatternSetting;
import dev.heed.runtime.config.Setting;
import dev.heed.runtime.kafka.KafkaSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three Heed services as the local run starts them, in start order, from their descriptors in the runtime
 * module: the same class names and variable names the services read, never copies of them.
 */
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

    /** The local run's verdict secret: the responder signs the resolution's link with it, ingest checks it. */
    static final String DEMO_VERDICT_SECRET = "heed-local-verdict-secret";

    /** Where the local run's services listen: loopback only, as their ports are (the services default to every interface). */
    static final String LOOPBACK = "127.0.0.1";

    private ServiceCatalog() {}

    /**
     * @param env the environment of {@code heed up}: each service gets the variables of it that it declares (the
     *            responder's SMTP, source and agent settings, say, so the local run can send real e-mail and
     *            webhooks); what the local run sets itself (addresses, ports, tokens) wins
     */
    static List<ServiceSpec> services(LocalRunConfig config, Map<String, String> env) {
        Map<String, String> common = new HashMap<>();
        put(common, KafkaSettings.BOOTSTRAP_SERVERS, config.bootstrapServers());
        put(common, KafkaSettings.REGISTRY_URL, config.registryUrl());
        put(common, KafkaSettings.TOPIC_REPLICATION_FACTOR, "1");

        Map<String, String> routing = new HashMap<>();
        put(routing, RoutingSettings.HTTP_HOST, LOOPBACK);
        // Where another instance would forward queries: the address it listens on, not "localhost" (maybe ::1).
        put(routing, RoutingSettings.ADVERTISED_HOST, LOOPBACK);
        put(routing, RoutingSettings.HTTP_PORT, Integer.toString(config.routingPort()));
        put(routing, CommonSettings.ACK_TOKENS, DEMO_ACK_TOKENS);
        put(routing, RoutingSettings.STATE_DIR, config.dataDir().resolve("routing-state").toString());
        put(routing, RoutingSettings.SLA_TIME_SCALE, Integer.toString(config.timeScale()));

        Map<String, String> responder = new HashMap<>();
        put(responder, ResponderSettings.HOST, LOOPBACK);
        put(responder, ResponderSettings.PORT, Integer.toString(config.responderPort()));
        put(responder, ResponderSettings.PUBLIC_URL, "http://" + LOOPBACK + ":" + config.responderPort());
        put(responder, CommonSettings.ACK_TOKENS, DEMO_ACK_TOKENS);
        put(responder, CommonSettings.VERDICT_SECRET, DEMO_VERDICT_SECRET);
        put(responder, ResponderSettings.VERDICT_URL, "http://" + LOOPBACK + ":" + config.ingestPort());

        Map<String, String> ingest = new HashMap<>();
        put(ingest, IngestSettings.HOST, LOOPBACK);
        put(ingest, IngestSettings.PORT, Integer.toString(config.ingestPort()));
        put(ingest, IngestSettings.API_KEYS, "demo=" + DEMO_API_KEY_SHA256);
        put(ingest, CommonSettings.VERDICT_SECRET, DEMO_VERDICT_SECRET);

        return List.of(
                spec(Services.ROUTING, config.routingPort(), env, common, routing),
                spec(Services.RESPONDER, config.responderPort(), env, common, responder),
                spec(Services.INGEST, config.ingestPort(), env, common, ingest));
    }

    private static ServiceSpec spec(ServiceDescriptor service, int port, Map<String, String> env, Map<String, String> common,
                                    Map<String, String> own) {
        Map<String, String> all = new HashMap<>(declared(service, env));
        all.putAll(common);
        all.putAll(own);
        return new ServiceSpec(service.name(), service.module(), service.mainClass(), port, Map.copyOf(all));
    }

    /** The variables of {@code env} that {@code service} reads: its settings, their former names, its families. */
    static Map<String, String> declared(ServiceDescriptor service, Map<String, String> env) {
        Map<String, String> found = new HashMap<>();
        env.forEach((name, value) -> {
            boolean setting = service.settings().stream().anyMatch(s -> names(s).contains(name));
            boolean family = service.patterns().stream().map(PatternSetting::regex).anyMatch(p -> p.matcher(name).matches());
            if (setting || family) {
                found.put(name, value);
            }
        });
        return found;
    }

    private static List<String> names(Setting<?> setting) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(setting.name()),
                setting.formers().stream().map(Setting.Former::name)).toList();
    }

    private static void put(Map<String, String> env, Setting<?> setting, String value) {
        env.put(setting.name(), value);
    }
}
