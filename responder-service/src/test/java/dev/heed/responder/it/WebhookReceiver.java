package dev.heed.responder.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP receiver for the ITs. Each path answers per a plan (fail the first n requests, or
 * always), records every request, and accepts a webhook-id only once, as a careful receiver does: a repeat
 * is answered 200 and counted as a duplicate, not as a delivery.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    record Request(String path, String id, String timestamp, String signature, String body) {}

    private final HttpServer server;
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Request> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            Request request = new Request(path, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            int n = seen.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = n <= failFirst.getOrDefault(path, 0) ? 503 : 200;
            if (status == 200) {
                if (acceptedIds.add(request.id())) {
                    accepted.add(request);
                } else {
                    duplicates.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code times} requests to {@code path} are answered 503. */
    void failFirst(String path, int times) {
        failFirst.put(path, times);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests answered 2xx with a webhook-id not seen before: the deliveries a receiver acts on. */
    List<Request> accepted(String path) {
        return accepted.stream().filter(r -> r.path().equals(path)).toList();
    }

    int duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
