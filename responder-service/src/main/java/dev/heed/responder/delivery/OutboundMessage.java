package dev.heed.responder.delivery;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseKind;
import java.util.Map;

/**
 * One message to one recipient, rendered and ready to send, with everything its record on responses.sent
 * needs.
 *
 * @param messageId deterministic id (see {@link MessageIds})
 * @param trigger   what caused it: {@code topic:partition:offset}
 * @param template  template name and language, e.g. {@code complaint-ack/en}
 * @param payload   the JSON fields a webhook receives (the rendered text is added as {@code text})
 * @param level     the escalation level addressed, null for customer replies
 */
public record OutboundMessage(String messageId, String feedbackId, ResponseKind kind, String trigger,
                              DeliveryChannel channel, String recipient, String template,
                              String subject, String body, Map<String, Object> payload,
                              EscalationLevel level, String traceId, String webhookSecret) {

    public OutboundMessage {
        payload = Map.copyOf(payload);
    }

    @Override
    public String toString() {
        // The secret never reaches a log line.
        return "OutboundMessage[" + messageId + " " + kind + " via " + channel + " to " + recipient + " (" + template + ")]";
    }
}
