package dev.heed.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.heed.responder.delivery.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The receiver of the responder's webhooks in the test JVM (the JDK's HTTP server, as the responder's own ITs'
 * receiver): it records every request as a {@link Delivery} (its {@code webhook-id}, the message it is for, the
 * body's fields, whether the Standard Webhooks signature verifies) <em>before</em> it answers 200, so a recorded
 * delivery is one the receiver accepted, whatever happens to the answer. Repeats are recorded too: the counting
 * deduplicates by id afterwards, as a careful receiver would.
 *
 * <p>{@link #afterNextAnswer} arms an action that runs once, on the handler's thread, right after the next request
 * was answered (the 200 written and the exchange closed): the place a scenario kills the sender, so the kill lands
 * between the receiver's acceptance and the sender recording the outcome.
 */
final class WebhookInbox extends Receiver implements AutoCloseable {
    /** The Standard Webhooks specification's example secret, as the responder's tests use it. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "faults-webhook-inbox");
        t.setDaemon(true);
        return t;
    });
    private final WebhookSigner signer = new WebhookSigner(SECRET);
    private final ObjectMapper json = new ObjectMapper();

    private WebhookInbox(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    static WebhookInbox start(Clock clock) {
        try {
            WebhookInbox inbox = new WebhookInbox(clock);
            inbox.server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }





    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            String timestamp = headers.getFirst("webhook-timestamp");
            String signature = headers.getFirst("webhook-signature");
            Map<String, Object> parsed;
            try {
                parsed = json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (IOException e) {
                refused();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            parsed.forEach((name, value) -> fields.put(name, String.valueOf(value)));
            boolean signed = id != null && timestamp != null && signature != null
                    && signer.verify(id, Long.parseLong(timestamp), body, signature);
            Delivery delivery = new Delivery(id == null ? "(none)" : id, key(fields), exchange.getRequestURI().getPath(),
                    fields, signed, clock.instant());
            accepted(delivery);
            exchange.sendResponseHeaders(200, -1);
            exchange.close(); // the answer is on its way before the armed action runs
            answered(delivery);
        }
    }

    /**
     * What the message is for: its type and the feedback or complaint it belongs to, and for a reminder its number.
     * A customer reply is one per feedback, an escalation notice one per complaint (and recipient), a reminder one
     * per complaint and reminder number (and recipient): exactly one of each is what a receiver must act on.
     */
    private static String key(Map<String, String> fields) {
        String about = fields.containsKey("feedbackId") ? fields.get("feedbackId") : fields.get("complaintId");
        String key = fields.get("type") + "|" + about;
        return fields.containsKey("reminderNumber") ? key + "|" + fields.get("reminderNumber") : key;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
