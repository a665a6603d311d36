package dev.heed.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Bounded waits for a child server to answer. Each fails fast when the child has died, and puts the
 * child's log tail in the exception so a failed start explains itself.
 */
final class Readiness {

    private static final long POLL_MILLIS = 50;

    private Readiness() {
    }

    /** @param clientProperties what a client needs besides the address (security), may be empty */
    static void awaitKafka(String bootstrapServers, Map<String, String> clientProperties, Duration timeout, ChildJvm child) {
        String[] hostPort = bootstrapServers.split(":");
        InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        // The socket check first: an AdminClient that polls a closed port logs a warning per attempt.
        await("Kafka at " + bootstrapServers + " accepting connections", timeout, child, () -> accepts(address));
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            await("Kafka at " + bootstrapServers + " describing its cluster", timeout, child,
                    () -> describes(admin));
        }
    }

    static void awaitPort(String host, int port, Duration timeout, ChildJvm child) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        await(host + ":" + port + " accepting connections", timeout, child, () -> accepts(address));
    }

    static void awaitHttpOk(URI uri, Duration timeout, ChildJvm child) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        await(uri + " answering 200", timeout, child, () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static void await(String what, Duration timeout, ChildJvm child, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new IllegalStateException("child exited while waiting for " + what + "; log "
                        + child.logFile() + ":\n" + child.logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; log "
                        + child.logFile() + ":\n" + child.logTail());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // a poll interval inside a bounded wait, not a guess at timing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean describes(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
