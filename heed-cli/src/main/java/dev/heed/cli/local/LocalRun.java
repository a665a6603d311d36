package dev.heed.cli.local;

import dev.heed.localstack.BrokerProcess;
import dev.heed.localstack.RegistryProcess;
import dev.heed.localstack.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code heed up}: a real KRaft broker (data kept under the run's directory), the Apicurio registry (its
 * database beside it) and the three services, each its own process, started in order and each waited for
 * until ready. Whatever started is stopped, newest first, when the run ends (Ctrl-C, {@code heed down}) or
 * when a later part fails to start: nothing is left running.
 */
public final class LocalRun implements AutoCloseable {
    private static final Duration SERVICE_READY = Duration.ofSeconds(120);

    private final LocalRunConfig config;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final SecureRun secure;

    public LocalRun(LocalRunConfig config, PrintStream out) {
        this(config, out, null);
    }

    /** @param secure the secured mode's credentials, or null for a plain broker */
    LocalRun(LocalRunConfig config, PrintStream out, SecureRun secure) {
        this.config = config;
        this.out = out;
        this.secure = secure;
    }

    /** Starts everything and returns once all is ready; {@link #close()} stops it. */
    public void start(String classPath, List<ServiceSpec> services) {
        PortCheck.requireFree(config.ports());
        int[] ephemeral = PortCheck.ephemeralRange();
        if (ephemeral != null) {
            PortCheck.inEphemeralRange(config.ports(), ephemeral[0], ephemeral[1]).forEach(warning -> out.println("warning: " + warning));
        }
        try {
            Files.createDirectories(config.logs());
            startKafka(classPath);
            startRegistry();
            for (ServiceSpec service : services) {
                startService(service);
            }
            writeEndpoints();
        } catch (RuntimeException e) {
            close();
            throw e instanceof LocalRunException ? e : new LocalRunException(e.getMessage() + " (logs in " + config.logs() + ")", e);
        } catch (IOException e) {
            close();
            throw new LocalRunException("cannot write under " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private void startKafka(String classPath) {
        // A secured broker keeps data of its own: its storage holds the admin's credential from the first start.
        Path data = config.dataDir().resolve(secure == null ? "kafka" : "kafka-secure");
        out.printf("  starting Kafka (KRaft%s) on %s, data in %s ...%n", secure == null ? "" : ", SASL_SSL with ACLs",
                config.bootstrapServers(), data);
        BrokerProcess.Builder builder = BrokerProcess.builder(data);
        if (secure != null) {
            builder.security(secure.security());
        }
        BrokerProcess broker = builder
                .port(config.kafkaPort())
                .controllerPort(config.controllerPort())
                .classPath(classPath)
                .logFile(config.logs().resolve("kafka.log"))
                .build();
        started.push(broker);
        broker.start();
        if (secure != null) {
            out.println("  creating a Kafka user and ACLs for each service and the CLI ...");
            secure.grant(config.bootstrapServers());
        }
    }

    private void startRegistry() {
        out.printf("  starting the schema registry on port %d ...%n", config.registryPort());
        started.push(RegistryProcess.start(config.registryPort(), "BACKWARD", config.logs().resolve("registry.log"),
                config.dataDir().resolve("registry")));
    }

    private void startService(ServiceSpec service) {
        out.printf("  starting %s on port %d ...%n", service.name(), service.port());
        Map<String, String> environment = new HashMap<>(service.environment());
        if (secure != null) {
            environment.putAll(secure.environment(service.name()));
        }
        started.push(ServiceProcess.start(service.name(), service.classPath(config.repository()), List.of("-Xmx512m"),
                service.mainClass(), environment, config.logs().resolve(service.name() + ".log"),
                URI.create(service.baseUrl() + "/health/ready"), SERVICE_READY));
    }

    private void writeEndpoints() throws IOException {
        Properties endpoints = new Properties();
        endpoints.setProperty("bootstrap.servers", config.bootstrapServers());
        endpoints.setProperty("registry.url", config.registryUrl());
        endpoints.setProperty("responder.url", "http://127.0.0.1:" + config.responderPort());
        // The demo agent's token lets `heed ack` call the responder's acknowledge API; it is printed by `heed up` anyway.
        endpoints.setProperty("ack.token", ServiceCatalog.DEMO_AGENT_TOKEN);
        if (secure != null) {
            // The CLI connects as the operator user; the file is in the run's data directory, like the broker's secrets.
            secure.operatorClientProperties().forEach((key, value) -> endpoints.setProperty("kafka." + key, value));
        }
        try (Writer writer = Files.newBufferedWriter(config.endpointsFile(), StandardCharsets.UTF_8)) {
            endpoints.store(writer, "written by heed up for the CLI; removed when the run stops");
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                out.println("  (while stopping: " + e.getMessage() + ")");
            }
        }
        try {
            Files.deleteIfExists(config.endpointsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logs() {
        return config.logs();
    }
}
