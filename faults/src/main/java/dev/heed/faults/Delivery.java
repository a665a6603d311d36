package dev.heed.faults;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request a webhook receiver answered 2xx, as it saw it: the {@code webhook-id}, what the message is for
 * ({@code key}: its kind and the feedback or complaint it belongs to, plus the reminder number for a reminder,
 * read from the body), where it arrived (the recipient), the body's fields, whether its signature verified, and
 * when it arrived. Plain values, so the counting is testable on hand-built deliveries.
 */
public record Delivery(String webhookId, String key, String recipient, Map<String, String> fields,
                       boolean signatureValid, Instant receivedAt) {

    public Delivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recipient, "recipient");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
