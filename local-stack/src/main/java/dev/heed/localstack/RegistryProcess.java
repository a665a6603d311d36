package dev.heed.localstack;

import java.io.IOException;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry {@value ApicurioDistribution#VERSION} (in-memory storage) as a child JVM on
 * 127.0.0.1, serving the Confluent-compatible API at {@link #ccompatUrl()}.
 *
 * <p>Contract: {@link #start(int, String, Path)} returns once {@code /health/ready} answers 200 (bounded
 * by {@link #READY_TIMEOUT}) and the global compatibility level is the one asked for, read back to
 * check it stuck (Apicurio's default is NONE, which would let breaking changes through). The child dies
 * with this JVM, even on {@code kill -9}. Schemas live in memory: a restart forgets them.
 */
public final class RegistryProcess implements AutoCloseable {

    /** Measured here: ~3 s. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final long STOP_TIMEOUT_SECONDS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryProcess.class);

    private final int port;
    private final ChildJvm child;

    private RegistryProcess(int port, ChildJvm child) {
        this.port = port;
        this.child = child;
    }

    /**
     * Starts the registry on {@code port} (0 for a free one) with the given global compatibility
     * (e.g. {@code BACKWARD}), logging to {@code logFile}.
     */
    public static RegistryProcess start(int port, String compatibility, Path logFile) {
        return start(port, compatibility, logFile, null);
    }

    /**
     * As {@link #start(int, String, Path)}, keeping the registry's schemas in an H2 database file under
     * {@code dataDirectory} (null: in memory), so a restarted registry serves the same ids that records
     * already in Kafka carry.
     */
    public static RegistryProcess start(int port, String compatibility, Path logFile, Path dataDirectory) {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m", "-Dquarkus.http.host=127.0.0.1"));
        if (dataDirectory != null) {
            // Apicurio 2.6 reads its H2 URL from REGISTRY_DATASOURCE_URL, a system property as good as the variable.
            options.add("-DREGISTRY_DATASOURCE_URL=jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("registry"));
        }
        int chosen = port != 0 ? port : Ports.free();
        Path runner = ApicurioDistribution.runnerJar();
        long begin = System.nanoTime();
        ChildJvm child = ChildJvm.start(
                ChildJvm.ownClassPathEntry() + File.pathSeparator + runner,
                append(options, "-Dquarkus.http.port=" + chosen),
                mainClassOf(runner), List.of(), logFile);
        RegistryProcess registry = new RegistryProcess(chosen, child);
        try {
            Readiness.awaitHttpOk(URI.create(registry.baseUrl() + "/health/ready"), READY_TIMEOUT, child);
            RegistryCompatibility.set(registry.ccompatUrl(), compatibility);
            LOG.info("registry pid {} ready in {} ms at {} (compatibility {}, log {})", child.pid(),
                    (System.nanoTime() - begin) / 1_000_000, registry.baseUrl(), compatibility, logFile);
            return registry;
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The Confluent-compatible API root that Heed's registry client and Kafka tools talk to. */
    public String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return child.pid();
    }

    public Path logFile() {
        return child.logFile();
    }

    @Override
    public void close() {
        child.stop(STOP_TIMEOUT_SECONDS);
    }

    private static List<String> append(List<String> options, String option) {
        options.add(option);
        return options;
    }

    private static String mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of " + jar, e);
        }
    }
}
