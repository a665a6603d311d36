package dev.heed.responder.delivery;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseSent;
import java.time.Clock;

/**
 * Sends one message at most once per message id, as far as responses.sent knows: a message already
 * recorded is skipped; otherwise it is delivered (with retries), a final failure is dead-lettered, and the
 * outcome is recorded on responses.sent before the caller may commit the trigger's offset.
 */
public final class Dispatcher {
    private final SentLog sentLog;
    private final RetryingSender sender;
    private final OutcomeLog outcomes;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public Dispatcher(SentLog sentLog, RetryingSender sender, OutcomeLog outcomes, DeliveryMetrics metrics, Clock clock) {
        this.sentLog = sentLog;
        this.sender = sender;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether the message's outcome is on responses.sent already (as far as the sent log knows). */
    public boolean recorded(String messageId) {
        return sentLog.contains(messageId);
    }

    /** @return false when the message had been recorded before and was skipped */
    public boolean dispatch(OutboundMessage message, Trigger trigger) throws InterruptedException {
        if (sentLog.contains(message.messageId())) {
            return false;
        }
        // What writing the outcome needs from the registry is resolved before the send: a registry that does not
        // answer (a cold cache at start-up, say) then fails the record before its message went out, and reading
        // it again later does not deliver it a second time.
        outcomes.prepare();
        DeliveryResult result = message.channel() == DeliveryChannel.NONE
                ? DeliveryResult.undeliverable("no channel reaches the recipient")
                : sender.send(message);
        if (result.failed()) {
            // Dead letter before the record: a crash between the two repeats the delivery (same id) and
            // may dead-letter twice, but never leaves a FAILED outcome without its dead letter.
            trigger.deadLetter().write("DELIVERY_FAILED", result.error(), message.messageId());
        }
        outcomes.record(toRecord(message, result));
        sentLog.add(message.messageId(), clock.instant());
        metrics.outcome(message.kind(), message.channel(), result.outcome());
        return true;
    }

    /**
     * Records a message that cannot be addressed at all (its recipient is unknown) as {@code UNDELIVERABLE}, once per
     * message id, after copying its trigger to the dead-letter topic with {@code reason}: the trigger holds what was
     * to be said, and the dead letter is where operators look for what needs a hand.
     *
     * @return false when the message had been recorded before and was skipped
     */
    public boolean undeliverable(OutboundMessage message, Trigger trigger, String reason, String why) throws InterruptedException {
        if (sentLog.contains(message.messageId())) {
            return false;
        }
        outcomes.prepare();
        trigger.deadLetter().write(reason, why, message.messageId());
        DeliveryResult result = DeliveryResult.undeliverable(why);
        outcomes.record(toRecord(message, result));
        sentLog.add(message.messageId(), clock.instant());
        metrics.outcome(message.kind(), message.channel(), result.outcome());
        return true;
    }

    private ResponseSent toRecord(OutboundMessage message, DeliveryResult result) {
        return ResponseSent.newBuilder()
                .setMessageId(message.messageId())
                .setFeedbackId(message.feedbackId())
                .setKind(message.kind())
                .setTrigger(message.trigger())
                .setChannel(message.channel())
                .setRecipient(message.recipient())
                .setTemplate(message.template())
                .setOutcome(result.outcome())
                .setAttempts(result.attempts())
                .setError(result.error())
                .setLevel(message.level())
                .setSentAt(clock.instant())
                .setTraceId(message.traceId())
                .build();
    }
}
