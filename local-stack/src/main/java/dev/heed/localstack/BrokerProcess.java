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
 * One Kafka KRaft node (broker and controller combined) running Kafka's own {@code kafka.Kafka} main
 * class in a child JVM, with its data in a directory the caller owns.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start()} writes {@code server.properties} into the directory, formats the storage with
 *       Kafka's storage tool only if it is not formatted yet, starts the child and returns once an
 *       AdminClient sees the broker (bounded by {@link #READY_TIMEOUT}).</li>
 *   <li>{@link #stop()} sends SIGTERM (Kafka's clean shutdown) and returns once the process is gone.</li>
 *   <li>{@link #restart()} is stop then start on the same ports and the same data: what a client sees
 *       as a broker outage.</li>
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
    private final int controllerPort;
    private final Path logFile;
    private final String classPath;
    private final Map<String, String> overrides;
    private final BrokerSecurity security;
    private ChildJvm child;

    private BrokerProcess(Builder builder) {
        this.directory = builder.directory.toAbsolutePath();
        this.port = builder.port != 0 ? builder.port : Ports.free();
        this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : Ports.free();
        this.logFile = builder.logFile != null ? builder.logFile : directory.resolve("broker.log");
        this.classPath = builder.classPath != null ? builder.classPath : System.getProperty("java.class.path");
        this.overrides = Map.copyOf(builder.overrides);
        this.security = builder.security;
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
            KraftStorage.formatIfNeeded(properties, logDir(), security == null ? List.of() : List.of("--add-scram",
                    BrokerSecurity.MECHANISM + "=[name=" + security.adminUser() + ",password=" + security.adminPassword() + "]"));
            child = ChildJvm.start(classPath, List.of("-Xms256m", "-Xmx1g",
                    "-Dlogback.configurationFile=dev/heed/localstack/child-logback.xml"),
                    "kafka.Kafka", List.of(properties.toString()), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker in " + directory, e);
        }
        long begin = System.nanoTime();
        Readiness.awaitKafka(bootstrapServers(), security == null ? Map.of() : security.adminClientProperties(), READY_TIMEOUT, child);
        LOG.info("broker pid {} ready in {} ms at {} (data {}, log {})", child.pid(),
                (System.nanoTime() - begin) / 1_000_000, bootstrapServers(), directory, logFile);
        return this;
    }

    public synchronized void stop() {
        if (child != null) {
            child.stop(STOP_TIMEOUT_SECONDS);
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

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
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
        return directory.resolve("data");
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

    private Map<String, String> defaults() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        // Secured, the client listener keeps its name and speaks SASL_SSL (see BrokerSecurity for the rest).
        String client = security == null ? "PLAINTEXT" : "SECURE";
        p.put("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", client + "://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", client);
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
        private int controllerPort;
        private Path logFile;
        private String classPath;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private BrokerSecurity security;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** The client port; fix it when a test restarts the broker and clients must find it again. */
        public Builder port(int port) {
            this.port = port;
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
