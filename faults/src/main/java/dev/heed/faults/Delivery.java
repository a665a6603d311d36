package dev.heed.faults;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message a receiver accepted (a webhook answered 2xx, an e-mail answered 250 at the end of its data), as it
 * saw it: the id a receiver deduplicates by ({@code messageId}: the {@code webhook-id}, or the e-mail's
 * {@code Message-ID} header as it came, angle brackets and all), what the message is for ({@code key}: its kind
 * and the feedback or complaint it belongs to, plus the reminder number for a reminder, read from the message),
 * where it arrived (the recipient: the webhook's path, the e-mail's envelope recipient), its content's fields
 * (the webhook's body fields; the e-mail's subject, text and identifying headers), whether its signature verified
 * (an e-mail carries none, so nothing can fail: {@code true}), and when it arrived. Plain values, so the counting
 * is testable on hand-built deliveries.
 */
public record Delivery(String messageId, String key, String recipient, Map<String, String> fields,
                       boolean signatureValid, Instant receivedAt) {

    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(recipient, "recipient");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
