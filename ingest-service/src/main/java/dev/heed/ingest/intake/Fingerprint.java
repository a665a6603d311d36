package dev.heed.ingest.intake;

import dev.heed.ingest.feedback.FeedbackInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what a client said, independent of how it said it (plain JSON or CloudEvents, field order,
 * spacing), so a repeat through another content type still counts as the same request.
 */
final class Fingerprint {
    private Fingerprint() {}

    static String of(String source, FeedbackInput input) {
        try {
            // FeedbackInput's toString is a full, ordered rendering of its values (records, sorted attributes).
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((source + '\n' + input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
