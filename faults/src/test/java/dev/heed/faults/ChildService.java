package dev.heed.faults;

import dev.heed.localstack.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One Heed service in a child JVM (its real {@code main}), so that {@link #kill()} is a SIGKILL: no shutdown hook,
 * no revoke, no commit, no flush. {@link #start()} after a kill brings it back with the same environment, state
 * and port, as a supervisor would; each start logs to its own file ({@code <name>-<n>.log} in the log directory),
 * so a killed process's log stays to be read. Ready once {@code /health/ready} answers 200.
 */
final class ChildService implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Class<?> mainClass;
    private final Map<String, String> environment;
    private final int port;
    private final Path logDirectory;
    private int starts;
    private ServiceProcess process;

    ChildService(String name, Class<?> mainClass, Map<String, String> environment, int port, Path logDirectory) {
        this.name = name;
        this.mainClass = mainClass;
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.logDirectory = logDirectory;
    }

    String name() {
        return name;
    }

    ChildService start() {
        starts++;
        process = ServiceProcess.start(name + "-" + starts, System.getProperty("java.class.path"), List.of("-Xms128m", "-Xmx384m",
                        // the child's own log file, not this module's logback-test.xml (which it would find on the class path)
                        "-Dlogback.configurationFile=dev/heed/localstack/child-logback.xml"),
                mainClass.getName(), environment, logDirectory.resolve(name + "-" + starts + ".log"),
                URI.create("http://127.0.0.1:" + port + "/health/ready"), READY_TIMEOUT);
        return this;
    }

    /** SIGKILL; returns once the process is gone. */
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
