package dev.heed.ingest.feedback;

import dev.heed.events.Channel;
import java.time.Instant;
import java.util.SortedMap;

/**
 * A validated piece of feedback as the client stated it, before the server adds what it owns (the
 * received time and the ingest id). Attributes are sorted so that {@link #toString()} is a stable
 * description of the content, which the idempotency check fingerprints.
 */
public record FeedbackInput(Channel channel, CustomerInput customer, String subject, String text, Integer rating,
                            Instant occurredAt, String reference, SortedMap<String, String> attributes, String traceId) {
}
