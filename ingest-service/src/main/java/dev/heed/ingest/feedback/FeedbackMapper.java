package dev.heed.ingest.feedback;

import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import java.time.Instant;
import java.util.HashMap;

/** Builds the Avro event from validated input plus the fields only the server may set. */
public final class FeedbackMapper {
    private FeedbackMapper() {}

    public static FeedbackReceived toEvent(String eventId, String source, FeedbackInput input, String ingestId, Instant receivedAt) {
        CustomerInput c = input.customer();
        return FeedbackReceived.newBuilder()
                .setEventId(eventId)
                .setIngestId(ingestId)
                .setSourceSystem(source)
                .setChannel(input.channel())
                .setCustomer(new Customer(c.id(), c.displayName(), c.email(), c.phone(), c.preferredLanguage()))
                .setSubject(input.subject())
                .setText(input.text())
                .setRating(input.rating())
                .setOccurredAt(input.occurredAt())
                .setReceivedAt(receivedAt)
                .setReference(input.reference())
                .setAttributes(new HashMap<>(input.attributes()))
                .setTraceId(input.traceId())
                .build();
    }
}
