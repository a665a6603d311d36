package dev.heed.ingest.bench;

import java.nio.charset.StandardCharsets;
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

    // Batches are written as bytes from parts encoded once: a 500-item batch is 130 KB, and building it as a
    // String and encoding that for every request was client work counted against the service.
    private static final byte[] BEFORE_ID_BYTES = BEFORE_ID.getBytes(StandardCharsets.UTF_8);
    private static final byte[] AFTER_ID_BYTES = AFTER_ID.getBytes(StandardCharsets.UTF_8);

    private Payloads() {}

    static byte[] feedback(String id) {
        return (BEFORE_ID + id + AFTER_ID).getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of {@code size} feedbacks with the ids {@code prefix-0} to {@code prefix-(size-1)}; {@code prefix} is ASCII. */
    static byte[] batch(String prefix, int size) {
        byte[] prefixBytes = (prefix + '-').getBytes(StandardCharsets.US_ASCII);
        var out = new java.io.ByteArrayOutputStream(size * (BEFORE_ID_BYTES.length + AFTER_ID_BYTES.length + prefixBytes.length + 5) + 2);
        out.write('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(BEFORE_ID_BYTES);
            out.writeBytes(prefixBytes);
            out.writeBytes(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(AFTER_ID_BYTES);
        }
        out.write(']');
        return out.toByteArray();
    }
}
