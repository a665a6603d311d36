package dev.heed.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with the JDK's {@link Mac}: the one MAC Heed signs with (webhooks, verdict links). */
public final class Hmac {
    private Hmac() {}

    /** A key for {@link #sha256}. */
    public static SecretKeySpec key(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The MAC of {@code content}'s UTF-8 bytes. */
    public static byte[] sha256(SecretKeySpec key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
