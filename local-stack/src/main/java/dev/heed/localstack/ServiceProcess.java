package dev.heed.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM service run as a child process for the local run: it dies with the JVM that started it (even on
 * {@code kill -9}), logs to a file, and counts as started once its readiness URL answers 200.
 *
 * <p>Contract: {@link #start} returns a ready service or throws with the end of its log; {@link #close()}
 * sends SIGTERM (the service's own graceful shutdown), waits up to 30 s, then kills; {@link #kill()} sends
 * SIGKILL at once (a crash, for fault tests) and returns once the process is gone.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final String name;
    private final ChildJvm child;

    private ServiceProcess(String name, ChildJvm child) {
        this.name = name;
        this.child = child;
    }

    /**
     * @param classPath   the service's own class path; this module's watchdog entry point is put in front
     * @param environment variables added to this process's environment for the child
     */
    public static ServiceProcess start(String name, String classPath, List<String> jvmOptions, String mainClass,
                                       Map<String, String> environment, Path logFile, URI readyUrl, Duration timeout) {
        long begin = System.nanoTime();
        ChildJvm child = ChildJvm.start(ChildJvm.ownClassPathEntry() + java.io.File.pathSeparator + classPath, jvmOptions, mainClass, List.of(), environment, logFile);
        ServiceProcess service = new ServiceProcess(name, child);
        try {
            Readiness.awaitHttpOk(readyUrl, timeout, child);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        LOG.info("{} pid {} ready in {} ms ({})", name, child.pid(), (System.nanoTime() - begin) / 1_000_000, readyUrl);
        return service;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return child.pid();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    public Path logFile() {
        return child.logFile();
    }

    /** SIGKILL: no shutdown hook runs, nothing is committed or flushed. */
    public void kill() {
        LOG.info("{} pid {}: SIGKILL", name, child.pid());
        child.kill(STOP_TIMEOUT_SECONDS);
    }

    @Override
    public void close() {
        child.stop(STOP_TIMEOUT_SECONDS);
    }
}
