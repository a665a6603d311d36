package dev.heed.routing.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The keys of the reply index: what routing knows of every open complaint, so that feedback on any partition finds the
 * complaint it answers. Two kinds:
 *
 * <ul>
 *   <li>{@link #open(String) open:<i>complaint id</i>}: the complaint is open (escalated, not resolved), for a reply
 *       that names it ({@code replyTo}).</li>
 *   <li>{@link #references ref:<i>digest</i>}: one per way the customer is known (their id in the source system, their
 *       e-mail address, their phone number) together with the feedback's {@code reference}, for feedback that names the
 *       same order or ticket as an open complaint of the same customer. A reply by e-mail to a complaint made on a web
 *       form with the customer's id and address matches by the address.</li>
 * </ul>
 *
 * <p>The reference keys are SHA-256 digests (hex): the index topic and store hold no contact details or references,
 * only complaint ids, which every topic's key shows anyway. E-mail addresses are compared without case; the other
 * parts as given.
 */
public final class ReplyKeys {

    private static final String OPEN = "open:";
    private static final String REFERENCE = "ref:";

    private ReplyKeys() {
    }

    /** The key saying that complaint {@code complaintId} is open. */
    public static String open(String complaintId) {
        return OPEN + complaintId;
    }

    /**
     * The reference keys of feedback by a customer known by {@code customerId}, {@code email} and {@code phone} (each may
     * be null) naming {@code reference}; none when there is no reference or no way to know the customer.
     */
    public static List<String> references(String customerId, String email, String phone, String reference) {
        List<String> keys = new ArrayList<>(3);
        if (reference == null || reference.isBlank()) {
            return keys;
        }
        add(keys, "id", customerId, reference);
        add(keys, "email", email == null ? null : email.toLowerCase(Locale.ROOT), reference);
        add(keys, "phone", phone, reference);
        return keys;
    }

    private static void add(List<String> keys, String kind, String identity, String reference) {
        if (identity == null || identity.isBlank()) {
            return;
        }
        // Length-prefixed parts: no identity or reference can make two different pairs collide.
        String text = kind + "|" + identity.length() + ":" + identity + "|" + reference.length() + ":" + reference;
        keys.add(REFERENCE + HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
