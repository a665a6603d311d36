package dev.heed.responder.respond;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseDue;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.ack.ComplaintDirectory.ContactLookup;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.delivery.Trigger;
import dev.heed.responder.input.Input;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.CustomerUpdates;
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
 * What the responder sends for each of its inputs: a classified feedback becomes its customer reply (except a
 * customer's verdict on a resolution, which ingest's page thanked for), an
 * escalation and a response-due become agent notifications, each handed to the {@link Dispatcher}. An
 * escalated feedback waits (up to {@code escalationWait}) for its escalation to appear in the directory,
 * since the reply must name the due time; after that it is answered without a time rather than not at all.
 *
 * <p>An update an agent gave on a complaint (complaints.updated) goes to the customer the way the first reply did,
 * found in the directory from the complaint's escalation. When the directory does not know the customer, the update
 * waits the same {@code escalationWait} for the escalation to be read; after that (at once when the customer's data
 * was erased) it is recorded {@code UNDELIVERABLE} on responses.sent, its record dead-lettered with reason
 * {@value #CONTACT_UNKNOWN}, counted and logged: never dropped silently.
 */
public final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    /** The dead-letter reason of an update whose customer is not known. */
    public static final String CONTACT_UNKNOWN = "CONTACT_UNKNOWN";

    private final CustomerReplies replies;
    private final CustomerUpdates updates;
    private final AgentNotifications notifications;
    private final ComplaintDirectory directory;
    private final Dispatcher dispatcher;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration escalationWait;
    // Records of different keys are handled on several threads at once.
    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();

    public Responses(CustomerReplies replies, CustomerUpdates updates, AgentNotifications notifications,
                     ComplaintDirectory directory, Dispatcher dispatcher, DeliveryMetrics metrics, Clock clock,
                     Duration escalationWait) {
        this.replies = replies;
        this.updates = updates;
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
        if (input instanceof Input.Updated updated) {
            return update(updated.event(), trigger);
        }
        throw new IllegalArgumentException("the responder does not answer " + input + " at " + trigger.position());
    }

    private Step reply(FeedbackClassified classified, Trigger trigger) throws InterruptedException {
        String id = classified.getFeedback().getEventId();
        if (classified.getFeedback().getVerdict() != null) {
            // The customer's verdict on a resolution was answered on the spot, by ingest's thank-you page; it is no
            // complaint of its own (routing attaches it to the one it answers), so no reply and no wait for an escalation.
            LOG.debug("verdict {} on complaint {}: answered by ingest, no reply", id, classified.getFeedback().getVerdict().getComplaintId());
            return Step.DONE;
        }
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

    private Step update(ComplaintUpdated update, Trigger trigger) throws InterruptedException {
        String id = update.getComplaintId();
        String position = trigger.position();
        ContactLookup found = directory.contact(id);
        if (found.contact().isPresent()) {
            waitingSince.remove(position);
            dispatcher.dispatch(updates.update(update, found.contact().get(), position), trigger);
            return Step.DONE;
        }
        // Read again after its outcome was recorded (a restart before the commit), it need not wait again.
        if (!found.erased() && !dispatcher.recorded(CustomerUpdates.messageId(update))) {
            Instant since = waitingSince.computeIfAbsent(position, p -> clock.instant());
            if (Duration.between(since, clock.instant()).compareTo(escalationWait) < 0) {
                return Step.RETRY_LATER;
            }
        }
        waitingSince.remove(position);
        String reason = found.erased() ? "ERASED" : "NOT_SEEN";
        String why = found.erased()
                ? "the customer's data was erased: nobody to send update " + update.getUpdateId() + " to"
                : "no escalation of complaint " + id + " was read within " + escalationWait + ": its customer is unknown";
        if (dispatcher.undeliverable(updates.unaddressed(update, position), trigger, CONTACT_UNKNOWN, why)) {
            metrics.updateContactUnknown(reason);
            LOG.warn("update {} of complaint {} at {} is undeliverable ({}): {}", update.getUpdateId(), id, position, reason, why);
        }
        return Step.DONE;
    }

    private void dispatchAll(List<OutboundMessage> messages, Trigger trigger) throws InterruptedException {
        for (OutboundMessage message : messages) {
            dispatcher.dispatch(message, trigger);
        }
    }
}
