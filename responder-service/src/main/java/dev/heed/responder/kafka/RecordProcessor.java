package dev.heed.responder.kafka;

import dev.heed.events.ComplaintEscalated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseDue;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.Escalation;
import dev.heed.schemas.serde.UnreadableRecordException;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one input record: a classified feedback becomes its customer reply, an escalation and a
 * response-due become agent notifications. An escalated feedback waits (up to {@code escalationWait}) for
 * its escalation to appear in the directory, since the reply must name the due time; after that it is
 * answered without a time rather than not at all. Unreadable records are dead-lettered.
 */
public final class RecordProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

    /** Whether the record is done (its offset may be committed) or must be read again later. */
    public enum Step { DONE, RETRY_LATER }

    private final HeedTopics topics;
    private final CustomerReplies replies;
    private final AgentNotifications notifications;
    private final ComplaintDirectory directory;
    private final Dispatcher dispatcher;
    private final OutcomeRecorder recorder;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration escalationWait;
    private final Map<String, Instant> waitingSince = new HashMap<>();

    public RecordProcessor(HeedTopics topics, CustomerReplies replies, AgentNotifications notifications, ComplaintDirectory directory,
                           Dispatcher dispatcher, OutcomeRecorder recorder, DeliveryMetrics metrics, Clock clock, Duration escalationWait) {
        this.topics = topics;
        this.replies = replies;
        this.notifications = notifications;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.recorder = recorder;
        this.metrics = metrics;
        this.clock = clock;
        this.escalationWait = escalationWait;
    }

    public Step process(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        try {
            String topic = record.topic();
            if (topic.equals(topics.feedbackClassified().name())) {
                return reply(record, topics.feedbackClassified().valueSerde().deserializer().deserialize(topic, record.value()));
            }
            if (topic.equals(topics.complaintsEscalated().name())) {
                ComplaintEscalated event = topics.complaintsEscalated().valueSerde().deserializer().deserialize(topic, record.value());
                directory.escalated(event);
                dispatchAll(notifications.escalated(event, trigger(record)), record);
                return Step.DONE;
            }
            ResponseDue due = topics.responseDue().valueSerde().deserializer().deserialize(topic, record.value());
            dispatchAll(notifications.due(due, trigger(record)), record);
            metrics.notificationLatency(notifications.lateness(due.getDueAt()));
            return Step.DONE;
        } catch (UnreadableRecordException e) {
            LOG.warn("dead-lettering unreadable {}: {}", trigger(record), e.getMessage());
            recorder.deadLetter(record, e.reason().name(), e.getMessage(), null);
            return Step.DONE;
        } catch (SerializationException e) {
            // Not a bad record: the registry could not be reached. Read it again later.
            LOG.warn("cannot read {} now, will retry: {}", trigger(record), e.getMessage());
            return Step.RETRY_LATER;
        }
    }

    private Step reply(ConsumerRecord<byte[], byte[]> record, FeedbackClassified classified) throws InterruptedException {
        String id = classified.getFeedback().getEventId();
        Optional<Escalation> escalation = directory.find(id)
                .filter(known -> known.firstResponseDueAt() != null)
                .map(known -> new Escalation(known.queue(), known.firstResponseDueAt()));
        String position = trigger(record);
        if (classified.getClassification().getEscalate() && escalation.isEmpty()) {
            Instant since = waitingSince.computeIfAbsent(position, p -> clock.instant());
            if (Duration.between(since, clock.instant()).compareTo(escalationWait) < 0) {
                return Step.RETRY_LATER;
            }
            LOG.warn("no escalation for complaint {} after {}; replying without a due time", id, escalationWait);
        }
        waitingSince.remove(position);
        dispatcher.dispatch(replies.reply(classified, escalation, position), record);
        return Step.DONE;
    }

    private void dispatchAll(List<OutboundMessage> messages, ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        for (OutboundMessage message : messages) {
            dispatcher.dispatch(message, record);
        }
    }

    static String trigger(ConsumerRecord<?, ?> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }
}
