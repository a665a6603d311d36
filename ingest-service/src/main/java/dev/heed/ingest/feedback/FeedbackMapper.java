package dev.heed.ingest.feedback;

import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import java.time.Instant;

/** Builds the Avro event from validated input plus the fields only the server may set. */
public final class FeedbackMapper {
    private FeedbackMapper() {}

    public static FeedbackReceived toEvent(String eventId, String source, FeedbackInput input, String ingestId, Instant receivedAt) {
        CustomerInput c = input.customer();
        // The all-arguments constructors, not the builders: a builder checks every field against the schema
        // and fills defaults by reflection, which showed in the batch profile, while the parser has already
        // checked everything the schema requires. The attributes map is the input's own: nothing changes it.
        return new FeedbackReceived(eventId, ingestId, source, input.channel(),
                new Customer(c.id(), c.displayName(), c.email(), c.phone(), c.preferredLanguage()),
                input.subject(), input.text(), input.rating(), input.occurredAt(), receivedAt, input.reference(),
                input.attributes(), input.traceId(), null, input.replyTo());
    }
}
