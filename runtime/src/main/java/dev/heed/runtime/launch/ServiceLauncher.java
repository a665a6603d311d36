package dev.heed.runtime.launch;

import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@code main} of every Heed service: read the settings, start, stop cleanly on SIGTERM (the JVM's
 * shutdown hook), and say how it ended in the exit status:
 * <ul>
 *   <li>{@value #EXIT_STOPPED}: stopped when told to;</li>
 *   <li>{@value #EXIT_FAILED}: could not start, or stopped working by itself ({@link RunningService#failure()});</li>
 *   <li>{@value #EXIT_CONFIGURATION}: a setting is missing or does not parse (nothing was started).</li>
 * </ul>
 */
public final class ServiceLauncher {
    public static final int EXIT_STOPPED = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CONFIGURATION = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

    private ServiceLauncher() {}

    /** Runs the service from the process's environment until it is stopped; exits the JVM with the status above. */
    public static void launch(String name, Function<Settings, RunningService> start) {
        int status = run(name, Settings.fromEnvironment(), start, hook -> Runtime.getRuntime().addShutdownHook(hook));
        if (status != EXIT_STOPPED) {
            System.exit(status);
        }
    }

    /**
     * Starts the service, registers its stop with {@code shutdownHooks}, and returns the exit status once it was
     * stopped by that hook or failed by itself (then it is closed here).
     */
    public static int run(String name, Settings settings, Function<Settings, RunningService> start, Consumer<Thread> shutdownHooks) {
        RunningService service;
        try {
            service = start.apply(settings);
        } catch (SettingsException e) {
            LOG.error("{} cannot start: {}", name, e.getMessage());
            return EXIT_CONFIGURATION;
        } catch (RuntimeException e) {
            LOG.error("{} failed to start", name, e);
            return EXIT_FAILED;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                service.close();
            }
        };
        CompletableFuture<Integer> ended = new CompletableFuture<>();
        shutdownHooks.accept(new Thread(() -> {
            LOG.info("{} stopping", name);
            close.run();
            ended.complete(EXIT_STOPPED);
        }, name + "-shutdown"));
        service.failure().whenComplete((cause, error) -> {
            if (ended.complete(EXIT_FAILED)) {
                LOG.error("{} stopped working", name, cause != null ? cause : error);
            }
        });
        LOG.info("{} started", name);
        int status = ended.join();
        if (status != EXIT_STOPPED) {
            close.run();
        }
        return status;
    }
}
