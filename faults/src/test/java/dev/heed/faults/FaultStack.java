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
import dev.heed.routing.app.RoutingApplication;
import dev.heed.routing.app.RoutingConfig;
import dev.heed.routing.app.RoutingService;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.auth.TokenStore;
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
 * SIGKILL) and a child registry, with ingest in this JVM, routing either in this JVM too or as several
 * instances of one application in child JVMs (so an instance kill is a real SIGKILL), and the responder in this
 * JVM or in a child JVM of its own (so a responder kill is a real SIGKILL), all on
 * production settings (replication factor 3, {@code min.insync.replicas=2}, exactly_once_v2). Short SLA policies make two due
 * points (a warning at half the target, the breach) fall due within {@link #TARGET} of each complaint, and no
 * repeat within a run. Closed in reverse order of start.
 */
final class FaultStack implements AutoCloseable {
    static final Duration TARGET = Duration.ofSeconds(20);
    static final String API_KEY = "faults-load-key";
    static final String ROUTING_APPLICATION_ID = "routing-faults";
    static final String RESPONDER_GROUP_ID = "responder-faults";
    private static final String POLICY = "f-critical: severity=CRITICAL target=20s warn=0.5 repeat=1h;"
            + "f-high: severity=HIGH target=20s warn=0.5 repeat=1h;"
            + "f-medium: severity=MEDIUM target=20s warn=0.5 repeat=1h;"
            + "f-low: severity=LOW target=20s warn=0.5 repeat=1h";

    final KraftCluster cluster;
    final HeedTopics topics;
    private final Path directory;
    /** Null: the registry keeps its schemas in memory; else its H2 database lives here and survives a restart. */
    private final Path registryData;
    private RegistryProcess registry;
    private int registryStarts = 1;
    private boolean registryPaused;
    /** 0 until ingest first binds one; then kept, so that ingest restarted on it is where the load generator posts. */
    private int ingestPort;
    private final List<AutoCloseable> services = new ArrayList<>();
    private IngestApplication ingest;
    private RoutingService routing;
    private final List<ChildService> routingInstances = new ArrayList<>();
    private ResponderApplication responder;
    /** Set instead of {@link #responder} when the responder runs in a child JVM (so a kill of it is a SIGKILL). */
    private ChildService responderProcess;

    private FaultStack(Path directory, boolean persistentRegistry, boolean partitionable) {
        this.directory = directory;
        this.registryData = persistentRegistry ? directory.resolve("registry-data") : null;
        this.cluster = partitionable ? KraftCluster.startPartitionable(kafkaDirectory(directory), 3)
                : KraftCluster.start(kafkaDirectory(directory), 3);
        RegistryProcess started = null;
        try {
            started = RegistryProcess.start(0, "BACKWARD", directory.resolve("registry.log"), registryData);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        this.registry = started;
        this.topics = HeedTopics.create(new HttpSchemaRegistryClient(registry.ccompatUrl()), false, HeedTopics.DEFAULT_PARTITIONS);
    }

    /** Where broker {@code nodeId} of a stack started on {@code directory} will keep its logs (to mount a small disk on first). */
    static Path brokerLogDir(Path directory, int nodeId) {
        return KraftCluster.brokerLogDir(kafkaDirectory(directory), nodeId);
    }

    private static Path kafkaDirectory(Path directory) {
        return directory.resolve("kafka");
    }

    /**
     * The cluster, the registry, then routing, responder and ingest, each ready when this returns.
     *
     * @param routingInstances 0: routing in this JVM; n: n instances of one routing application in child JVMs,
     *                         with one standby replica of every store
     */
    static FaultStack start(Path directory, int routingInstances) {
        return start(directory, routingInstances, false);
    }

    /** As {@link #start(Path, int)}; a persistent registry (H2 file) can be stopped and started again, keeping its ids. */
    static FaultStack start(Path directory, int routingInstances, boolean persistentRegistry) {
        return start(directory, routingInstances, persistentRegistry, null);
    }

    /**
     * Routing in this JVM, ingest in this JVM, and the responder in a child JVM (its own {@code main}) with the
     * usual settings plus {@code responderSettings} (webhook receivers, say); started and ready when this returns.
     */
    static FaultStack startWithResponderProcess(Path directory, Map<String, String> responderSettings) {
        return start(directory, 0, false, Map.copyOf(responderSettings), false);
    }

    /**
     * Everything in this JVM as {@link #start(Path, int)} with routing in this JVM, on a cluster whose brokers
     * stand behind proxies, so that one can be cut off the network ({@link KraftCluster#isolate(int)}).
     */
    static FaultStack startPartitionable(Path directory) {
        return start(directory, 0, false, null, true);
    }

    private static FaultStack start(Path directory, int routingInstances, boolean persistentRegistry,
                                    Map<String, String> responderSettings) {
        return start(directory, routingInstances, persistentRegistry, responderSettings, false);
    }

    private static FaultStack start(Path directory, int routingInstances, boolean persistentRegistry,
                                    Map<String, String> responderSettings, boolean partitionable) {
        FaultStack stack = new FaultStack(directory, persistentRegistry, partitionable);
        try {
            if (routingInstances == 0) {
                stack.routing = stack.startRouting();
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
                ChildService instance = new ChildService("routing-" + i, RoutingApplication.class, env, port, directory);
                stack.routingInstances.add(instance);
                stack.services.add(instance);
                instance.start();
            }
            if (responderSettings == null) {
                stack.responder = stack.startResponder();
                stack.services.add(stack.responder);
            } else {
                stack.responderProcess = stack.startResponderProcess(responderSettings);
                stack.services.add(stack.responderProcess);
            }
            stack.ingest = stack.startIngest();
            stack.services.add(stack.ingest);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private RoutingService startRouting() {
        return RoutingService.start(RoutingConfig.from(routingEnv("routing-state", Ports.free())),
                FeedbackClassifier.loadDefault(), InstantSource.system());
    }

    private ResponderApplication startResponder() {
        return ResponderApplication.start(ResponderConfig.from(responderEnv()), Clock.systemUTC(), Sleeper.system(), t -> t);
    }

    private ChildService startResponderProcess(Map<String, String> settings) {
        int port = Ports.free();
        Map<String, String> env = responderEnv();
        env.put("HEED_RESPONDER_PORT", Integer.toString(port));
        env.putAll(settings);
        return new ChildService("responder", ResponderApplication.class, env, port, directory.resolve("responder")).start();
    }

    private IngestApplication startIngest() {
        IngestApplication started = IngestApplication.start(IngestConfig.from(ingestEnv()), Clock.systemUTC());
        ingestPort = started.port();
        return started;
    }

    /**
     * Closes ingest, the responder and routing (in this JVM) and starts them again with the same settings, state
     * directory and ingest port: new registry clients with empty caches, as after a deploy or a crash. Returns
     * once all three are started (ingest listening, routing's Streams started, the responder polling).
     */
    void restartServices() {
        if (routing == null || responder == null) {
            throw new IllegalStateException("only routing and the responder in this JVM can be restarted here");
        }
        services.clear();
        ingest.close();
        responder.close();
        routing.close();
        routing = startRouting();
        services.add(routing);
        responder = startResponder();
        services.add(responder);
        ingest = startIngest();
        services.add(ingest);
    }

    /** The registry's child process: its pid (for SIGSTOP/SIGCONT) and where it listens. */
    RegistryProcess registry() {
        return registry;
    }

    /**
     * SIGSTOP of the registry's JVM: its port still accepts connections (the kernel completes the handshake into
     * the listen backlog) but nothing answers, so every client waits for its own timeout: a hung registry.
     */
    void pauseRegistry() {
        signalRegistry("STOP");
        registryPaused = true;
    }

    /** SIGCONT: the paused registry goes on where it was, with everything it held. */
    void resumeRegistry() {
        signalRegistry("CONT");
        registryPaused = false;
    }

    /** Stops the registry (SIGTERM, waited for): its port is closed, so every client is refused at once. */
    void stopRegistry() {
        if (registryData == null) {
            throw new IllegalStateException("an in-memory registry would come back without the ids the records carry");
        }
        registry.close();
    }

    /** Starts the stopped registry again on its port with its H2 data: the same ids as before. */
    void startRegistry() {
        registryStarts++;
        registry = RegistryProcess.start(registry.port(), "BACKWARD", directory.resolve("registry-" + registryStarts + ".log"),
                registryData);
    }

    private void signalRegistry(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(registry.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + registry.pid() + " exited " + kill.exitValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the registry", e);
        }
    }

    /** Whether routing and the responder are still working: neither has stopped on an error of its own. */
    boolean servicesAlive() {
        return (routing == null || !routing.failure().isDone()) && routingInstances.stream().allMatch(ChildService::isAlive)
                && (responder == null || !responder.failure().isDone())
                && (responderProcess == null || responderProcess.isAlive());
    }

    /** The responder's child JVM, or null when the responder runs in this JVM. */
    ChildService responderProcess() {
        return responderProcess;
    }

    /** The routing instances in child JVMs, in start order (empty when routing runs in this JVM). */
    List<ChildService> routingInstances() {
        return List.copyOf(routingInstances);
    }

    /** What stopped routing or the responder, if anything did. */
    String failures() {
        return "routing: " + (routing == null ? routingInstances.size() + " child JVM(s)"
                : routing.failure().isDone() ? routing.failure().join() : "running")
                + "; responder: " + (responder == null ? "child JVM, " + (responderProcess.isAlive() ? "running" : "not running")
                : responder.failure().isDone() ? responder.failure().join() : "running");
    }

    /** The responder's HTTP API in this JVM, where it answers now (it moves when the responder restarts). */
    URI responderUri() {
        if (responder == null) {
            throw new IllegalStateException("the responder runs in a child JVM");
        }
        return URI.create("http://127.0.0.1:" + responder.port());
    }

    /**
     * An agent acknowledging every other complaint of the load generator's run ({@link LoadGenerator#complaintNumber}),
     * {@link AckPoster#AFTER} after its 202; started.
     */
    AckPoster acknowledgeHalfTheComplaints(Ledger ledger) {
        return new AckPoster(this::responderUri, ledger, id -> LoadGenerator.complaintNumber(id) % 2 == 0).start();
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
        env.put("HEED_RESPONDER_GROUP_ID", RESPONDER_GROUP_ID);
        env.put("HEED_RESPONDER_PUBLIC_URL", "https://heed.example.com");
        env.put("HEED_ACK_TOKENS", "agent:" + AckPoster.AGENT + ":" + TokenStore.hash(AckPoster.TOKEN));
        return env;
    }

    private Map<String, String> ingestEnv() {
        Map<String, String> env = common();
        env.put("HEED_INGEST_HOST", "127.0.0.1");
        env.put("HEED_INGEST_PORT", Integer.toString(ingestPort));
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
        if (registryPaused) {
            try {
                resumeRegistry(); // a stopped process would sit out its SIGTERM until the kill
            } catch (RuntimeException e) {
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
