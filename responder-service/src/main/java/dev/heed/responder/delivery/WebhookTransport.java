package dev.heed.responder.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a message as JSON to its recipient URL with the Standard Webhooks headers: {@code webhook-id} (the
 * deterministic message id, the same on every retry and after a restart), {@code webhook-timestamp} (the
 * attempt's time in epoch seconds) and, when the message carries a secret, {@code webhook-signature}.
 * 2xx is delivered; 408, 429, 5xx and I/O errors are transient; any other status is permanent.
 */
public final class WebhookTransport implements Transport {
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    public WebhookTransport(HttpClient http, ObjectMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException {
        String body = body(message);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(message.recipient()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", message.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (message.webhookSecret() != null) {
            request.header("webhook-signature", new WebhookSigner(message.webhookSecret()).sign(message.messageId(), timestamp, body));
        }
        int status = send(request.build(), message.recipient());
        if (status / 100 != 2) {
            boolean retry = status == 408 || status == 429 || status >= 500;
            throw new DeliveryException("HTTP " + status + " from " + message.recipient(), retry, null);
        }
    }

    private String body(OutboundMessage message) throws DeliveryException {
        Map<String, Object> fields = new LinkedHashMap<>(message.payload());
        fields.put("messageId", message.messageId());
        fields.put("subject", message.subject());
        fields.put("text", message.body());
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("cannot write the webhook body: " + e.getOriginalMessage(), false, e);
        }
    }

    private int send(HttpRequest request, String recipient) throws DeliveryException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryException("cannot reach " + recipient + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted posting to " + recipient, true, e);
        }
    }

    private static URI uri(String recipient) throws DeliveryException {
        try {
            URI uri = URI.create(recipient);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("bad webhook URL " + recipient + ": " + e.getMessage(), false, e);
        }
    }
}
