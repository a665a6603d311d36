package dev.heed.ingest.feedback;

import dev.heed.events.Channel;
import java.time.Instant;
import java.util.SortedMap;

/**
 * A validated piece of feedback as the client stated it, before the server adds what it owns (the
 * received time and the ingest id). Attributes are sorted, so the fingerprint the idempotency check
 * takes of the content does not depend on the order a client wrote them in. {@code replyTo} names the complaint a
 * customer's reply answers (the id Heed's messages carry), null for other feedback.
 */
public record FeedbackInput(Channel channel, CustomerInput customer, String subject, String text, Integer rating,
                            Instant occurredAt, String reference, SortedMap<String, String> attributes, String traceId,
                            String replyTo) {

    /** Feedback that is no reply to a Heed message. */
    public FeedbackInput(Channel channel, CustomerInput customer, String subject, String text, Integer rating,
                         Instant occurredAt, String reference, SortedMap<String, String> attributes, String traceId) {
        this(channel, customer, subject, text, rating, occurredAt, reference, attributes, traceId, null);
    }
}
