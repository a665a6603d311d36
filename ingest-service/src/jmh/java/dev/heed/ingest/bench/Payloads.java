package dev.heed.ingest.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Request bodies for the load benchmark: one realistic feedback (~250 bytes), each with its own id. */
final class Payloads {
    static final String TEXT = "The parcel arrived two days late and the box was crushed; nobody answered my e-mail.";
    private static final String OCCURRED_AT = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    private static final String TEMPLATE = "{\"eventId\":\"%s\",\"channel\":\"WEB\",\"customer\":{\"email\":\"ada@example.org\"},"
            + "\"text\":\"" + TEXT + "\",\"rating\":2,\"occurredAt\":\"" + OCCURRED_AT + "\",\"attributes\":{\"plan\":\"pro\"}}";

    private Payloads() {}

    static String feedback(String id) {
        return TEMPLATE.formatted(id);
    }

    static String batch(String prefix, int size) {
        var sb = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ",").append(feedback(prefix + "-" + i));
        }
        return sb.append(']').toString();
    }
}
