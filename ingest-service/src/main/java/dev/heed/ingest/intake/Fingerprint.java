package dev.heed.ingest.intake;

import dev.heed.ingest.feedback.CustomerInput;
import dev.heed.ingest.feedback.FeedbackInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String of(String source, FeedbackInput input) {
        var f = new Fingerprint();
        f.text(source).text(input.channel().name());
        CustomerInput c = input.customer();
        f.text(c.id()).text(c.displayName()).text(c.email()).text(c.phone()).text(c.preferredLanguage());
        f.text(input.subject()).text(input.text()).number(input.rating() == null ? null : input.rating().longValue());
        f.number(input.occurredAt().toEpochMilli()).text(input.reference()).text(input.traceId());
        f.number((long) input.attributes().size());
        for (Map.Entry<String, String> attribute : input.attributes().entrySet()) {
            f.text(attribute.getKey()).text(attribute.getValue());
        }
        return HexFormat.of().formatHex(f.digest.digest());
    }

    private Fingerprint text(String value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
        return this;
    }

    private Fingerprint number(Long value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        digest.update((byte) 2);
        digest.update(ByteBuffer.allocate(8).putLong(value).array());
        return this;
    }
}
