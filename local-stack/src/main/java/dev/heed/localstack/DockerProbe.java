package dev.heed.localstack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, within a bound.
 *
 * <p>Testcontainers' own check returns false in ~0.3 s when no engine exists, but blocks without limit
 * when a Docker socket exists and nothing answers on it; so it runs on a daemon thread that is
 * abandoned after the timeout.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean answers(Duration timeout) {
        CompletableFuture<Boolean> check = new CompletableFuture<>();
        Thread probe = new Thread(() -> {
            try {
                check.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable t) {
                check.complete(false);
            }
        }, "heed-docker-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
