package dev.heed.schemas.serde;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import java.time.Instant;
import java.util.Map;

/** Sample events for the serde tests. */
final class Events {
    private Events() {}

    static FeedbackReceived feedback(String id) {
        return FeedbackReceived.newBuilder()
                .setEventId(id)
                .setIngestId("ing-" + id)
                .setSourceSystem("web-form")
                .setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().setId("c-42").setDisplayName("Ada Lovelace")
                        .setEmail("ada@example.com").setPreferredLanguage("en").build())
                .setSubject("Order 1234")
                .setText("I was charged twice for order 1234 and nobody answers the phone.")
                .setRating(1)
                .setOccurredAt(Instant.parse("2026-11-20T10:15:30.123Z"))
                .setReceivedAt(Instant.parse("2026-11-20T10:15:31.456Z"))
                .setReference("order-1234")
                .setAttributes(Map.of("plan", "pro", "region", "eu"))
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }
}
