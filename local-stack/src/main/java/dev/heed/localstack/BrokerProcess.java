package dev.heed.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka KRaft node (by default broker and controller combined; or a broker or a controller of a
 * {@link KraftCluster}) running Kafka's own {@code kafka.Kafka} main class in a child JVM, with its data in
 * a directory the caller owns.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start()} writes {@code server.properties} into the directory, formats the storage with
 *       Kafka's storage tool only if it is not formatted yet, starts the child and returns once an
 *       AdminClient sees the broker (bounded by {@link #READY_TIMEOUT}).</li>
 *   <li>{@link #stop()} sends SIGTERM (Kafka's clean shutdown) and returns once the process is gone.</li>
 *   <li>{@link #restart()} is stop then start on the same ports and the same data: what a client sees
 *       as a broker outage.</li>
 *   <li>{@link #kill()} is {@code SIGKILL} ({@link Process#destroyForcibly()}): no clean shutdown, no flush;
 *       {@link #start()} afterwards recovers the same data as Kafka does after a crash.</li>
 *   <li>The child exits when this JVM exits, even on {@code kill -9} (see {@link ChildMain}).</li>
 * </ul>
 * Not thread-safe: one owner starts and stops it.
 */
public final class BrokerProcess implements AutoCloseable {

    /** Measured here: ~4 s on two cores; the bound leaves room for a busy CI machine. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);

    private final Path directory;
    private final int port;
    private final int advertisedPort;
    private final int controllerPort;
    private final Path logFile;
    private final String classPath;
    private final Map<String, String> overrides;
    private final BrokerSecurity security;
    private final int nodeId;
    private final String roles;
    private final String quorumVoters;
    private final String clusterId;
    private ChildJvm child;

    private BrokerProcess(Builder builder) {
        this.directory = builder.directory.toAbsolutePath();
        this.port = builder.port != 0 ? builder.port : Ports.free();
        this.advertisedPort = builder.advertisedPort != 0 ? builder.advertisedPort : port;
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : Ports.free();
        this.logFile = builder.logFile != null ? builder.logFile : directory.resolve("broker.log");
        this.classPath = builder.classPath != null ? builder.classPath : System.getProperty("java.class.path");
        this.overrides = Map.copyOf(builder.overrides);
        this.security = builder.security;
        this.nodeId = builder.nodeId;
        this.roles = builder.roles;
        this.quorumVoters = builder.quorumVoters != null ? builder.quorumVoters : nodeId + "@127.0.0.1:" + controllerPort;
        this.clusterId = builder.clusterId;
    }

    /** A broker whose data lives in {@code directory} (created if missing); ports default to free ones. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public synchronized BrokerProcess start() {
        if (child != null && child.isAlive()) {
            return this;
        }
        try {
            Path properties = writeServerProperties();
            KraftStorage.formatIfNeeded(properties, logDir(), clusterId, security == null ? List.of() : List.of("--add-scram",
                    BrokerSecurity.MECHANISM + "=[name=" + security.adminUser() + ",password=" + security.adminPassword() + "]"));
            child = ChildJvm.start(classPath, List.of("-Xms256m", "-Xmx1g",
                    "-Dlogback.configurationFile=dev/heed/localstack/child-logback.xml"),
                    "kafka.Kafka", List.of(properties.toString()), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker in " + directory, e);
        }
        long begin = System.nanoTime();
        if (isBroker()) {
            Readiness.awaitKafka(bootstrapServers(), security == null ? Map.of() : security.adminClientProperties(), READY_TIMEOUT, child);
        } else {
            Readiness.awaitPort("127.0.0.1", controllerPort, READY_TIMEOUT, child);
        }
        LOG.info("kafka node {} ({}) pid {} ready in {} ms at {} (data {}, log {})", nodeId, roles, child.pid(),
                (System.nanoTime() - begin) / 1_000_000, isBroker() ? bootstrapServers() : "controller port " + controllerPort,
                directory, logFile);
        return this;
    }

    public synchronized void stop() {
        if (child != null) {
            child.stop(STOP_TIMEOUT_SECONDS);
            child = null;
        }
    }

    /** SIGKILL: the process is gone when this returns, with whatever it had not written to disk lost. */
    public synchronized void kill() {
        if (child != null) {
            LOG.info("kafka node {} pid {}: SIGKILL", nodeId, child.pid());
            child.kill(STOP_TIMEOUT_SECONDS);
            child = null;
        }
    }

    public synchronized BrokerProcess restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /** The child's process id, or -1 when stopped. */
    public synchronized long pid() {
        return child != null ? child.pid() : -1;
    }

    /** Where clients find the broker: its advertised address (a proxy's, when one stands in front of it). */
    public String bootstrapServers() {
        return "127.0.0.1:" + advertisedPort;
    }

    public int port() {
        return port;
    }

    /** The KRaft {@code node.id}: what partition leaders and replicas are named by. */
    public int nodeId() {
        return nodeId;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path directory() {
        return directory;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        stop();
    }

    private Path logDir() {
        return logDirOf(directory);
    }

    /** The log directory ({@code log.dirs}) of a node whose data lives in {@code directory}. */
    static Path logDirOf(Path directory) {
        return directory.toAbsolutePath().resolve("data");
    }

    private Path writeServerProperties() throws IOException {
        Files.createDirectories(logDir());
        Properties props = new Properties();
        props.putAll(defaults());
        props.putAll(overrides);
        Path file = directory.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "generated by dev.heed.localstack.BrokerProcess; rewritten on every start");
        }
        return file;
    }

    private boolean isBroker() {
        return roles.contains("broker");
    }

    private Map<String, String> defaults() {
        boolean controller = roles.contains("controller");
        // Secured, the client listener is named SECURE and speaks SASL_SSL (see BrokerSecurity for the rest).
        String client = security == null ? "PLAINTEXT" : "SECURE";
        List<String> listeners = new java.util.ArrayList<>();
        if (isBroker()) {
            listeners.add(client + "://127.0.0.1:" + port);
        }
        if (controller) {
            listeners.add("CONTROLLER://127.0.0.1:" + controllerPort);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", roles);
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", quorumVoters);
        p.put("listeners", String.join(",", listeners));
        if (isBroker()) {
            p.put("advertised.listeners", client + "://127.0.0.1:" + advertisedPort);
            p.put("inter.broker.listener.name", client);
        }
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (security != null) {
            p.putAll(security.brokerProperties(client, "CONTROLLER"));
        }
        p.put("log.dirs", logDir().toString());
        p.put("num.partitions", "6");
        p.putAll(SingleNodeDefaults.REPLICATION);
        return p;
    }

    /** Options for a {@link BrokerProcess}; only the directory is required. */
    public static final class Builder {
        private final Path directory;
        private int port;
        private int advertisedPort;
        private int controllerPort;
        private Path logFile;
        private String classPath;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private BrokerSecurity security;
        private int nodeId = 1;
        private String roles = "broker,controller";
        private String quorumVoters;
        private String clusterId;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** The client port; fix it when a test restarts the broker and clients must find it again. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The port the broker tells clients and other brokers to use, when it differs from the one it listens on
         * (a {@link TcpProxy} in front of it); default the client port.
         */
        public Builder advertisedPort(int advertisedPort) {
            this.advertisedPort = advertisedPort;
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Where the child's stdout and stderr go; default {@code <directory>/broker.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /**
         * The child's class path; default this JVM's {@code java.class.path}, which is right for a plain
         * {@code java} launch and for surefire/failsafe, but not inside Maven's own JVM
         * ({@code exec:java}): pass the Kafka jars explicitly there.
         */
        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /**
         * Clients only over SASL_SSL with SCRAM-SHA-512, authorized by ACLs; the admin's credential goes into the
         * storage when it is formatted, so a directory formatted without it (or with another admin password) cannot
         * be started this way.
         */
        public Builder security(BrokerSecurity security) {
            this.security = security;
            return this;
        }

        /** The KRaft {@code node.id}; default 1. */
        public Builder nodeId(int nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /** {@code process.roles}: {@code broker,controller} (the default), {@code broker} or {@code controller}. */
        public Builder roles(String roles) {
            this.roles = roles;
            return this;
        }

        /** {@code controller.quorum.voters} of a cluster; default this node alone on its controller port. */
        public Builder quorumVoters(String quorumVoters) {
            this.quorumVoters = quorumVoters;
            return this;
        }

        /** The cluster id every node of one cluster is formatted with; default a random one per node. */
        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        /** Any broker setting, applied over the defaults. */
        public Builder serverProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public BrokerProcess build() {
            return new BrokerProcess(this);
        }
    }
}
