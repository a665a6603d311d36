package dev.heed.runtime.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed links through which a customer answers a resolution ({@code HEED_VERDICT_SECRET}): the responder writes
 * one into the resolution message, ingest's verdict endpoint checks it. A link names the complaint, the resolution it
 * answers (the resolving update's id) and when it expires, and carries an HMAC-SHA256 over exactly those three, so none
 * of them can be changed and a link cannot be made without the secret. The check compares in constant time and looks
 * at the signature before the expiry: a forged link is told it is forged, whatever time it names.
 */
public final class VerdictLinks {
    /** The path of a complaint's verdict, under ingest's base URL. */
    public static final String PATH = "/v1/complaints/%s/verdict";
    /** The query parameters of a link. */
    public static final String RESOLUTION = "resolution";
    public static final String EXPIRES = "expires";
    public static final String SIGNATURE = "sig";
    /** The fewest characters a secret may have: an HMAC key shorter than this is guessable. */
    public static final int MIN_SECRET_LENGTH = 16;

    // Versioned and separated, so no other message this secret might one day sign reads as a link.
    private static final String DOMAIN = "heed-verdict-v1";
    private final SecretKeySpec key;

    public VerdictLinks(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a verdict secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        key = Hmac.key(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** What a check found. */
    public enum Check { VALID, FORGED, EXPIRED }

    /** The signature of a link to {@code complaintId}'s verdict on resolution {@code resolutionId}, valid until {@code expires}. */
    public String sign(String complaintId, String resolutionId, Instant expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(complaintId, resolutionId, expires.getEpochSecond()));
    }

    /** The whole link under {@code baseUrl} (ingest's public URL, with or without a trailing slash). */
    public String link(String baseUrl, String complaintId, String resolutionId, Instant expires) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + PATH.formatted(encode(complaintId)) + "?" + RESOLUTION + "=" + encode(resolutionId) + "&" + EXPIRES + "="
                + expires.getEpochSecond() + "&" + SIGNATURE + "=" + sign(complaintId, resolutionId, expires);
    }

    /**
     * Whether a presented link is one this secret signed and still valid at {@code now}: {@link Check#FORGED} when the
     * signature does not match the complaint, resolution and expiry (or is not base64url), {@link Check#EXPIRED} when it
     * does but {@code now} is past the expiry.
     */
    public Check check(String complaintId, String resolutionId, long expiresEpochSecond, String signature, Instant now) {
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        // MessageDigest.isEqual takes the same time wherever the arrays differ.
        if (!MessageDigest.isEqual(mac(complaintId, resolutionId, expiresEpochSecond), presented)) {
            return Check.FORGED;
        }
        return now.getEpochSecond() > expiresEpochSecond ? Check.EXPIRED : Check.VALID;
    }

    private byte[] mac(String complaintId, String resolutionId, long expiresEpochSecond) {
        // Lengths first, so that no two different (complaint, resolution) pairs sign the same bytes.
        String content = DOMAIN + "\n" + complaintId.length() + ":" + complaintId + "\n" + resolutionId.length() + ":" + resolutionId
                + "\n" + expiresEpochSecond;
        return Hmac.sha256(key, content);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
