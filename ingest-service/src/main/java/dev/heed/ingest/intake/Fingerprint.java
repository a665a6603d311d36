package dev.heed.ingest.intake;

import dev.heed.ingest.feedback.CustomerInput;
import dev.heed.ingest.feedback.FeedbackInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

/**
 * The SHA-256 digest of what a client said, independent of how it said it (plain JSON or CloudEvents,
 * field order, spacing), so a repeat through another content type still counts as the same request.
 *
 * <p>Kept as its 256 bits in four longs rather than as hex text: the idempotency store holds one per
 * entry (100,000 by default), and a 64-character string took twice the memory and a formatting step
 * per item.
 */
public record Fingerprint(long bits0, long bits1, long bits2, long bits3) {

    static Fingerprint of(String source, FeedbackInput input) {
        return Encoder.PER_THREAD.get().digest(source, input);
    }

    /**
     * Writes every value with a length prefix, and absence with its own marker, so that no two different
     * contents share an encoding. (Digesting the records' {@code toString} was simpler, but record
     * {@code toString} on Java 17 formats reflectively and was a tenth of the request's CPU.)
     */
    private static final class Encoder {
        // One digest and one buffer per thread, reused: a fresh MessageDigest per request (provider lookup)
        // and a digest update per field showed in the batch profile beside the hashing itself.
        private static final ThreadLocal<Encoder> PER_THREAD = ThreadLocal.withInitial(Encoder::new);
        private static final int KEEP_AT_MOST = 64 * 1024;

        private final MessageDigest digest;
        private byte[] buffer = new byte[512];
        private int length;

        private Encoder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        Fingerprint digest(String source, FeedbackInput input) {
            length = 0;
            text(source).text(input.channel().name());
            CustomerInput c = input.customer();
            text(c.id()).text(c.displayName()).text(c.email()).text(c.phone()).text(c.preferredLanguage());
            text(input.subject()).text(input.text()).number(input.rating() == null ? null : input.rating().longValue());
            number(input.occurredAt().toEpochMilli()).text(input.reference()).text(input.traceId()).text(input.replyTo());
            number((long) input.attributes().size());
            for (Map.Entry<String, String> attribute : input.attributes().entrySet()) {
                text(attribute.getKey()).text(attribute.getValue());
            }
            digest.update(buffer, 0, length);
            byte[] bits = digest.digest();
            if (buffer.length > KEEP_AT_MOST) {
                buffer = new byte[512];
            }
            ByteBuffer words = ByteBuffer.wrap(bits);
            return new Fingerprint(words.getLong(), words.getLong(), words.getLong(), words.getLong());
        }

        private Encoder text(String value) {
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

        private Encoder number(Long value) {
            if (value == null) {
                return put((byte) 0);
            }
            return put((byte) 2).putLong(value, 8);
        }

        private Encoder put(byte b) {
            ensure(1);
            buffer[length++] = b;
            return this;
        }

        /** The low {@code bytes} bytes of {@code value}, big-endian. */
        private Encoder putLong(long value, int bytes) {
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
}
