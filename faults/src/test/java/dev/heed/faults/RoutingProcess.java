package dev.heed.faults;

import dev.heed.localstack.ServiceProcess;
import dev.heed.routing.app.RoutingApplication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One routing-service instance in a child JVM (its real {@code main}), so that {@link #kill()} is a SIGKILL;
 * {@link #start()} after a kill brings it back with the same environment, state directory and port, as a
 * supervisor would. Ready once {@code /health/ready} answers 200 (Streams RUNNING).
 */
final class RoutingProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private final Path logFile;
    private ServiceProcess process;

    RoutingProcess(String name, Map<String, String> environment, int port, Path logFile) {
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    RoutingProcess start() {
        process = ServiceProcess.start(name, System.getProperty("java.class.path"), List.of("-Xms128m", "-Xmx384m",
                        // the child's own log file, not this module's logback-test.xml (which it would find on the class path)
                        "-Dlogback.configurationFile=dev/heed/localstack/child-logback.xml"),
                RoutingApplication.class.getName(), environment, logFile,
                URI.create("http://127.0.0.1:" + port + "/health/ready"), READY_TIMEOUT);
        return this;
    }

    void kill() {
        process.kill();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
