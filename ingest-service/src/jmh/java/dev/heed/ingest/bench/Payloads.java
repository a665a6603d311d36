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
        int length = 2 + Math.max(0, size - 1);
        for (int i = 0; i < size; i++) {
            length += BEFORE_ID_BYTES.length + prefixBytes.length + digits(i) + AFTER_ID_BYTES.length;
        }
        // Written into one array of the exact length: a growing buffer and its copy doubled the client's garbage.
        byte[] body = new byte[length];
        int at = 0;
        body[at++] = '[';
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(body, at, BEFORE_ID_BYTES);
            at = put(body, at, prefixBytes);
            int end = at + digits(i);
            for (int v = i, d = end - 1; d >= at; d--, v /= 10) {
                body[d] = (byte) ('0' + v % 10);
            }
            at = put(body, end, AFTER_ID_BYTES);
        }
        body[at] = ']';
        return body;
    }

    private static int digits(int value) {
        return value < 10 ? 1 : 1 + digits(value / 10);
    }

    private static int put(byte[] target, int at, byte[] part) {
        System.arraycopy(part, 0, target, at, part.length);
        return at + part.length;
    }
}
