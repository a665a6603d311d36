package dev.heed.ingest.intake;

import dev.heed.ingest.feedback.CustomerInput;
import dev.heed.ingest.feedback.FeedbackInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * A SHA-256 digest of what a client said, independent of how it said it (plain JSON or CloudEvents,
 * field order, spacing), so a repeat through another content type still counts as the same request.
 * Every value is written with a length prefix, and absence with its own marker, so that no two
 * different contents share an encoding. (Digesting the records' {@code toString} was simpler, but
 * record {@code toString} on Java 17 formats reflectively and was a tenth of the request's CPU.)
 */
final class Fingerprint {
    // One digest and one buffer per thread, reused: a fresh MessageDigest per request (provider lookup)
    // and a digest update per field showed in the batch profile beside the hashing itself.
    private static final ThreadLocal<Fingerprint> PER_THREAD = ThreadLocal.withInitial(Fingerprint::new);
    private static final int KEEP_AT_MOST = 64 * 1024;

    private final MessageDigest digest;
    private byte[] buffer = new byte[512];
    private int length;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String of(String source, FeedbackInput input) {
        Fingerprint f = PER_THREAD.get();
        f.length = 0;
        f.text(source).text(input.channel().name());
        CustomerInput c = input.customer();
        f.text(c.id()).text(c.displayName()).text(c.email()).text(c.phone()).text(c.preferredLanguage());
        f.text(input.subject()).text(input.text()).number(input.rating() == null ? null : input.rating().longValue());
        f.number(input.occurredAt().toEpochMilli()).text(input.reference()).text(input.traceId());
        f.number((long) input.attributes().size());
        for (Map.Entry<String, String> attribute : input.attributes().entrySet()) {
            f.text(attribute.getKey()).text(attribute.getValue());
        }
        f.digest.update(f.buffer, 0, f.length);
        String hex = HexFormat.of().formatHex(f.digest.digest());
        if (f.buffer.length > KEEP_AT_MOST) {
            f.buffer = new byte[512];
        }
        return hex;
    }

    private Fingerprint text(String value) {
        if (value == null) {
            return put((byte) 0);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        put((byte) 1).putLong(bytes.length, 4);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private Fingerprint number(Long value) {
        if (value == null) {
            return put((byte) 0);
        }
        return put((byte) 2).putLong(value, 8);
    }

    private Fingerprint put(byte b) {
        ensure(1);
        buffer[length++] = b;
        return this;
    }

    /** The low {@code bytes} bytes of {@code value}, big-endian. */
    private Fingerprint putLong(long value, int bytes) {
        ensure(bytes);
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }
}
