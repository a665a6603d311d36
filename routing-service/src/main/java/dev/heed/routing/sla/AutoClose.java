package dev.heed.routing.sla;

import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;

/**
 * The automatic close of a complaint on hold: under a policy with {@code auto-close=N}, a complaint that has waited on the
 * customer for N (business time in the policy's calendar, as its other durations) with no reply and no resume is resolved
 * by routing itself, once, and its customer told why.
 *
 * <p>Only a wait on the customer closes: a complaint waiting on a third party (a carrier, a supplier) is not the
 * customer's silence, and closing it would punish the customer for someone else's delay. A switch from a third party to
 * the customer starts the count at the switch ({@link Pause#waitingSince}); a reply from the customer, a resume or a
 * resolution ends the pause and with it the pending close.
 */
public final class AutoClose {

    /** Who resolved an automatically closed complaint, on its state and its update: routing, not an agent. */
    public static final String AGENT = "heed-routing";
    /** The message routing writes on the update; the customer gets the responder's template, not this text. */
    public static final String MESSAGE = "Closed automatically: no answer from the customer while the complaint waited on them.";

    private AutoClose() {
    }

    /**
     * When a complaint under {@code policy} with {@code pause} closes by itself: its wait on the customer's start plus the
     * policy's {@code auto-close} in its calendar. Null when it does not: not waiting on the customer, or no auto-close.
     */
    public static Instant dueAt(SlaPolicy policy, Pause pause) {
        if (policy.autoClose() == null || pause.waitingOn() != Pause.Wait.CUSTOMER) {
            return null;
        }
        return policy.calendar().plus(pause.waitingSince(), policy.autoClose());
    }

    /**
     * The update id of the automatic close of {@code complaintId} at the end of its {@code pause}-th pause: one per pause,
     * so that it is applied once, and a complaint reopened and put on hold again can be closed again.
     */
    public static String updateId(String complaintId, int pause) {
        return TopicNames.AUTO_CLOSE_UPDATE_PREFIX + complaintId + ":" + pause;
    }

    /** Whether {@code updateId} names an automatic close (routing applied it when it wrote it). */
    public static boolean isAutoClose(String updateId) {
        return updateId != null && updateId.startsWith(TopicNames.AUTO_CLOSE_UPDATE_PREFIX);
    }
}
