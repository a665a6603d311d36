package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookTransportTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(204);
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final WebhookTransport transport = new WebhookTransport(HttpClient.newHttpClient(), new ObjectMapper(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(Map.of("id", h.getFirst("webhook-id"), "timestamp", h.getFirst("webhook-timestamp"),
                    "signature", String.valueOf(h.getFirst("webhook-signature")), "body", body));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private OutboundMessage message(String url, String secret) {
        return new OutboundMessage("msg_abc", "fb-1", ResponseKind.AGENT_NOTIFICATION, "t:0:1", DeliveryChannel.WEBHOOK, url,
                "agent-due/en", "Overdue", "Complaint fb-1 is overdue", Map.of("complaintId", "fb-1"), null, null, secret);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void shouldPostSignedJsonWithTheStandardWebhooksHeaders() throws Exception {
        transport.deliver(message(url(), SECRET));

        Map<String, String> request = received.get(0);
        assertThat(request.get("id")).isEqualTo("msg_abc");
        assertThat(request.get("timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(new WebhookSigner(SECRET).verify("msg_abc", NOW.getEpochSecond(), request.get("body"), request.get("signature"))).isTrue();
        assertThat(new ObjectMapper().readTree(request.get("body")).path("text").asText()).isEqualTo("Complaint fb-1 is overdue");
    }

    @Test
    void shouldLeaveUnsignedWhenNoSecretIsConfigured() throws Exception {
        transport.deliver(message(url(), null));

        assertThat(received.get(0).get("signature")).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource({"500,true", "503,true", "429,true", "408,true", "400,false", "404,false", "410,false"})
    void shouldClassifyErrorStatuses(int code, boolean transientFailure) {
        status.set(code);

        assertThatThrownBy(() -> transport.deliver(message(url(), null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isEqualTo(transientFailure));
    }

    @Test
    void shouldTreatAnUnreachableReceiverAsTransient() {
        server.stop(0);

        assertThatThrownBy(() -> transport.deliver(message(url(), null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isTrue());
    }

    @Test
    void shouldTreatAMalformedUrlAsPermanent() {
        assertThatThrownBy(() -> transport.deliver(message("ftp://example.com/x", null)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
    }
}
