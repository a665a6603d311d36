package dev.heed.responder.respond;

import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseDue;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.delivery.Trigger;
import dev.heed.responder.input.Input;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.Escalation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the responder sends for each of its inputs: a classified feedback becomes its customer reply, an
 * escalation and a response-due become agent notifications, each handed to the {@link Dispatcher}. An
 * escalated feedback waits (up to {@code escalationWait}) for its escalation to appear in the directory,
 * since the reply must name the due time; after that it is answered without a time rather than not at all.
 */
public final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private final CustomerReplies replies;
    private final AgentNotifications notifications;
    private final ComplaintDirectory directory;
    private final Dispatcher dispatcher;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration escalationWait;
    // Records of different keys are handled on several threads at once.
    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();

    public Responses(CustomerReplies replies, AgentNotifications notifications, ComplaintDirectory directory,
                     Dispatcher dispatcher, DeliveryMetrics metrics, Clock clock, Duration escalationWait) {
        this.replies = replies;
        this.notifications = notifications;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
        this.escalationWait = escalationWait;
    }

    /** @throws IllegalArgumentException for an input the responder does not answer (a tombstone, say) */
    public Step handle(Input input, Trigger trigger) throws InterruptedException {
        if (input instanceof Input.Classified classified) {
            return reply(classified.event(), trigger);
        }
        if (input instanceof Input.Escalated escalated) {
            directory.escalated(escalated.event());
            dispatchAll(notifications.escalated(escalated.event(), trigger.position()), trigger);
            return Step.DONE;
        }
        if (input instanceof Input.Due due) {
            ResponseDue event = due.event();
            dispatchAll(notifications.due(event, trigger.position()), trigger);
            metrics.notificationLatency(notifications.lateness(event.getDueAt()));
            return Step.DONE;
        }
        throw new IllegalArgumentException("the responder does not answer " + input + " at " + trigger.position());
    }

    private Step reply(FeedbackClassified classified, Trigger trigger) throws InterruptedException {
        String id = classified.getFeedback().getEventId();
        Optional<Escalation> escalation = directory.find(id)
                .filter(known -> known.firstResponseDueAt() != null)
                .map(known -> new Escalation(known.queue(), known.firstResponseDueAt()));
        String position = trigger.position();
        if (classified.getClassification().getEscalate() && escalation.isEmpty()) {
            Instant since = waitingSince.computeIfAbsent(position, p -> clock.instant());
            if (Duration.between(since, clock.instant()).compareTo(escalationWait) < 0) {
                return Step.RETRY_LATER;
            }
            LOG.warn("no escalation for complaint {} after {}; replying without a due time", id, escalationWait);
        }
        waitingSince.remove(position);
        dispatcher.dispatch(replies.reply(classified, escalation, position), trigger);
        return Step.DONE;
    }

    private void dispatchAll(List<OutboundMessage> messages, Trigger trigger) throws InterruptedException {
        for (OutboundMessage message : messages) {
            dispatcher.dispatch(message, trigger);
        }
    }
}
