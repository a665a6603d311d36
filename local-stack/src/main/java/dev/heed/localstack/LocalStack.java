package dev.heed.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real Kafka and schema registry: the entry point for tests (through
 * {@link LocalStackExtension}) and for the local run.
 *
 * <p>{@link #start()} uses Testcontainers where a Docker engine answers within
 * {@link #DOCKER_PROBE_TIMEOUT}, otherwise Kafka's test kit in this JVM plus Apicurio as a child
 * process; it logs which. The switch {@code HEED_TESTS_DOCKER} (environment) or
 * {@code heed.tests.docker} (system property, wins) set to {@code never} skips the Docker probe;
 * {@code auto} (the default) probes; {@code always} fails when no engine answers.
 */
public final class LocalStack {

    public static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** The registry's global compatibility level unless a caller asks for another. */
    public static final String DEFAULT_COMPATIBILITY = "BACKWARD";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    /** Docker if it answers (and is allowed), else in-process; compatibility {@code BACKWARD}. */
    public static Stack start() {
        String mode = dockerMode();
        if (!mode.equals("never")) {
            LogLevels.quietKafka();
            boolean docker = DockerProbe.answers(DOCKER_PROBE_TIMEOUT);
            if (docker) {
                LOG.info("Docker answers: starting Kafka and the registry with Testcontainers");
                return DockerStack.start(DEFAULT_COMPATIBILITY);
            }
            if (mode.equals("always")) {
                throw new IllegalStateException("HEED_TESTS_DOCKER=always but no Docker engine answered within "
                        + DOCKER_PROBE_TIMEOUT);
            }
            LOG.info("No Docker engine answered within {}: starting in-process Kafka and a child registry",
                    DOCKER_PROBE_TIMEOUT);
        } else {
            LOG.info("HEED_TESTS_DOCKER=never: starting in-process Kafka and a child registry");
        }
        return startInProcess(1, DEFAULT_COMPATIBILITY);
    }

    /** Kafka's test kit with {@code brokers} brokers (one of them also the controller) in this JVM, and Apicurio as a child JVM. */
    public static Stack startInProcess(int brokers, String compatibility) {
        long begin = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(brokers);
        long kafkaReady = System.nanoTime();
        try {
            RegistryProcess registry = RegistryProcess.start(0, compatibility,
                    Path.of("target", "heed-registry-" + ProcessHandle.current().pid() + ".log"));
            LOG.info("in-process Kafka ({} node(s)) ready in {} ms at {}; registry ready in {} ms at {} (log {})",
                    brokers, (kafkaReady - begin) / 1_000_000, kafka.bootstrapServers(),
                    (System.nanoTime() - kafkaReady) / 1_000_000, registry.baseUrl(), registry.logFile());
            return new Stack("in-process", kafka.bootstrapServers(), registry.baseUrl(), List.of(kafka, registry));
        } catch (RuntimeException e) {
            try {
                kafka.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * A broker of the caller's own, for tests that stop and restart Kafka mid-test: a child JVM with its
     * data in {@code directory} (use a {@code @TempDir}) on a port fixed for its lifetime, so
     * {@link BrokerProcess#stop()} then {@link BrokerProcess#start()} brings it back where clients
     * expect it, with its data. The caller closes it; it also dies with the test JVM.
     * The shared {@link Stack}'s registry can be used alongside it.
     */
    public static BrokerProcess startIsolatedBroker(Path directory) {
        return BrokerProcess.builder(directory).build().start();
    }

    static String dockerMode() {
        String value = System.getProperty("heed.tests.docker", System.getenv("HEED_TESTS_DOCKER"));
        String mode = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("never", "auto", "always").contains(mode)) {
            throw new IllegalArgumentException("HEED_TESTS_DOCKER must be never, auto or always, not " + value);
        }
        return mode;
    }
}
