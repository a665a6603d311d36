package dev.heed.ingest.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Request bodies for the load benchmark: one realistic feedback (~250 bytes), each with its own id. */
final class Payloads {
    static final String TEXT = "The parcel arrived two days late and the box was crushed; nobody answered my e-mail.";
    private static final String OCCURRED_AT = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    // Plain concatenation, not String.format: the generator shares the CPU with the server it measures.
    private static final String BEFORE_ID = "{\"eventId\":\"";
    private static final String AFTER_ID = "\",\"channel\":\"WEB\",\"customer\":{\"email\":\"ada@example.org\"},"
            + "\"text\":\"" + TEXT + "\",\"rating\":2,\"occurredAt\":\"" + OCCURRED_AT + "\",\"attributes\":{\"plan\":\"pro\"}}";

    private Payloads() {}

    static String feedback(String id) {
        return BEFORE_ID + id + AFTER_ID;
    }

    static String batch(String prefix, int size) {
        var sb = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ",").append(BEFORE_ID).append(prefix).append('-').append(i).append(AFTER_ID);
        }
        return sb.append(']').toString();
    }
}
