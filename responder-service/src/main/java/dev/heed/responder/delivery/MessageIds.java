package dev.heed.responder.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic message ids. The same trigger always yields the same id, so a send repeated after a crash
 * (between the send and its record on responses.sent) carries the id the receiver has already seen and
 * can be dropped there: the id is the e-mail's {@code Message-ID} and the webhook's {@code webhook-id}.
 */
public final class MessageIds {
    private MessageIds() {}

    /** The one reply to the customer who wrote feedback {@code feedbackId}. */
    public static String reply(String feedbackId) {
        return of("reply", feedbackId, "", "");
    }

    /** Update {@code updateId} of a complaint, to its customer: a retried update (same update id) is sent once. */
    public static String update(String complaintId, String updateId) {
        return of("update", complaintId, "", updateId);
    }

    /** The notification that a complaint was escalated, to one recipient. */
    public static String escalated(String complaintId, String recipient) {
        return of("escalated", complaintId, "", recipient);
    }

    /** The notification of reminder {@code reminderNumber} of a complaint, to one recipient. */
    public static String reminder(String complaintId, int reminderNumber, String recipient) {
        return of("due", complaintId, Integer.toString(reminderNumber), recipient);
    }

    private static String of(String kind, String id, String number, String recipient) {
        // Length-prefixed parts: no choice of id or recipient can make two different triggers collide.
        String key = kind.length() + ":" + kind + "|" + id.length() + ":" + id + "|" + number + "|" + recipient;
        return "msg_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
