package dev.heed.responder.delivery;

import dev.heed.runtime.auth.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies as the Standard Webhooks convention says: the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}, the MAC is HMAC-SHA256 keyed with the
 * base64-decoded part of a {@code whsec_...} secret, and the header value is {@code v1,} + base64 MAC.
 * Receivers can verify with any Standard Webhooks library.
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private final SecretKeySpec key;

    /** @param secret {@code whsec_} followed by the base64 key (the prefix may be left out) */
    public WebhookSigner(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must be whsec_ followed by base64", e);
        }
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 bytes of key");
        }
        this.key = Hmac.key(bytes);
    }

    /** The {@code webhook-signature} header value. */
    public String sign(String webhookId, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(webhookId + "." + timestampSeconds + "." + body));
    }

    /** Whether any of the space-separated signatures in a {@code webhook-signature} header is ours. */
    public boolean verify(String webhookId, long timestampSeconds, String body, String signatureHeader) {
        byte[] expected = sign(webhookId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" ")) {
            // No early exit: comparison time does not reveal which candidate was close.
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private byte[] mac(String content) {
        return Hmac.sha256(key, content);
    }
}
