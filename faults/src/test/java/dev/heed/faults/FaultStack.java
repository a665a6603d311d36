package dev.heed.faults;

import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.localstack.KraftCluster;
import dev.heed.localstack.Ports;
import dev.heed.localstack.RegistryProcess;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.routing.app.RoutingConfig;
import dev.heed.routing.app.RoutingService;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline on a {@link KraftCluster} of three brokers in child JVMs (so a broker kill is a real
 * SIGKILL) and a child registry, with ingest and responder in this JVM and routing either in this JVM too or
 * as several instances of one application in child JVMs (so an instance kill is a real SIGKILL), all on
 * production settings (replication factor 3, {@code min.insync.replicas=2}, exactly_once_v2). Short SLA policies make two due
 * points (a warning at half the target, the breach) fall due within {@link #TARGET} of each complaint, and no
 * repeat within a run. Closed in reverse order of start.
 */
final class FaultStack implements AutoCloseable {
    static final Duration TARGET = Duration.ofSeconds(10);
    static final String API_KEY = "faults-load-key";
    static final String ROUTING_APPLICATION_ID = "routing-faults";
    private static final String POLICY = "f-critical: severity=CRITICAL target=10s warn=0.5 repeat=1h;"
            + "f-high: severity=HIGH target=10s warn=0.5 repeat=1h;"
            + "f-medium: severity=MEDIUM target=10s warn=0.5 repeat=1h;"
            + "f-low: severity=LOW target=10s warn=0.5 repeat=1h";

    final KraftCluster cluster;
    final RegistryProcess registry;
    final HeedTopics topics;
    private final Path directory;
    private final List<AutoCloseable> services = new ArrayList<>();
    private IngestApplication ingest;
    private RoutingService routing;
    private final List<RoutingProcess> routingInstances = new ArrayList<>();
    private ResponderApplication responder;

    private FaultStack(Path directory) {
        this.directory = directory;
        this.cluster = KraftCluster.start(directory.resolve("kafka"), 3);
        RegistryProcess started = null;
        try {
            started = RegistryProcess.start(0, "BACKWARD", directory.resolve("registry.log"));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        this.registry = started;
        this.topics = HeedTopics.create(new HttpSchemaRegistryClient(registry.ccompatUrl()), false, HeedTopics.DEFAULT_PARTITIONS);
    }

    /**
     * The cluster, the registry, then routing, responder and ingest, each ready when this returns.
     *
     * @param routingInstances 0: routing in this JVM; n: n instances of one routing application in child JVMs,
     *                         with one standby replica of every store
     */
    static FaultStack start(Path directory, int routingInstances) {
        FaultStack stack = new FaultStack(directory);
        try {
            if (routingInstances == 0) {
                stack.routing = RoutingService.start(RoutingConfig.from(stack.routingEnv("routing-state", Ports.free())),
                        FeedbackClassifier.loadDefault(), InstantSource.system());
                stack.services.add(stack.routing);
            }
            for (int i = 1; i <= routingInstances; i++) {
                int port = Ports.free();
                Map<String, String> env = stack.routingEnv("routing-state-" + i, port);
                env.put("HEED_ROUTING_STANDBY_REPLICAS", "1");
                env.put("HEED_ROUTING_ADVERTISED_HOST", "127.0.0.1");
                // A dead instance's tasks move after the session timeout: 10 s rather than the default 45 s.
                env.put("HEED_KAFKA_SESSION_TIMEOUT_MS", "10000");
                env.put("HEED_LOG_LEVEL", "WARN");
                RoutingProcess instance = new RoutingProcess("routing-" + i, env, port, directory.resolve("routing-" + i + ".log"));
                stack.routingInstances.add(instance);
                stack.services.add(instance);
                instance.start();
            }
            stack.responder = ResponderApplication.start(ResponderConfig.from(stack.responderEnv()), Clock.systemUTC(),
                    Sleeper.system(), t -> t);
            stack.services.add(stack.responder);
            stack.ingest = IngestApplication.start(IngestConfig.from(stack.ingestEnv()), Clock.systemUTC());
            stack.services.add(stack.ingest);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Whether routing and the responder are still working: neither has stopped on an error of its own. */
    boolean servicesAlive() {
        return (routing == null || !routing.failure().isDone()) && routingInstances.stream().allMatch(RoutingProcess::isAlive)
                && !responder.failure().isDone();
    }

    /** The routing instances in child JVMs, in start order (empty when routing runs in this JVM). */
    List<RoutingProcess> routingInstances() {
        return List.copyOf(routingInstances);
    }

    /** What stopped routing or the responder, if anything did. */
    String failures() {
        return "routing: " + (routing == null ? routingInstances.size() + " child JVM(s)"
                : routing.failure().isDone() ? routing.failure().join() : "running")
                + "; responder: " + (responder.failure().isDone() ? responder.failure().join() : "running");
    }

    URI ingestUri() {
        return URI.create("http://127.0.0.1:" + ingest.port());
    }

    TopicScan scan() {
        return new TopicScan(cluster.bootstrapServers(), topics, Duration.ofSeconds(60));
    }

    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("HEED_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
        env.put("HEED_REGISTRY_URL", registry.ccompatUrl());
        env.put("HEED_TOPIC_REPLICATION_FACTOR", "3");
        return env;
    }

    private Map<String, String> routingEnv(String stateDirectory, int port) {
        Map<String, String> env = common();
        env.put("HEED_ROUTING_APPLICATION_ID", ROUTING_APPLICATION_ID);
        env.put("HEED_ROUTING_HTTP_HOST", "127.0.0.1");
        env.put("HEED_ROUTING_HTTP_PORT", Integer.toString(port));
        env.put("HEED_ROUTING_STATE_DIR", directory.resolve(stateDirectory).toString());
        env.put("HEED_SLA_POLICIES", POLICY);
        return env;
    }

    private Map<String, String> responderEnv() {
        Map<String, String> env = common();
        env.put("HEED_RESPONDER_HOST", "127.0.0.1");
        env.put("HEED_RESPONDER_PORT", "0");
        env.put("HEED_RESPONDER_GROUP_ID", "responder-faults");
        env.put("HEED_RESPONDER_PUBLIC_URL", "https://heed.example.com");
        return env;
    }

    private Map<String, String> ingestEnv() {
        Map<String, String> env = common();
        env.put("HEED_INGEST_HOST", "127.0.0.1");
        env.put("HEED_INGEST_PORT", "0");
        env.put("HEED_INGEST_API_KEYS", "faults=" + ApiKeyRegistry.hash(API_KEY));
        env.put("HEED_INGEST_RATE_PER_SECOND", "1000");
        env.put("HEED_INGEST_RATE_BURST", "1000");
        return env;
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("cannot close the fault stack");
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        for (AutoCloseable part : List.<AutoCloseable>of(registry, cluster)) {
            try {
                part.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
