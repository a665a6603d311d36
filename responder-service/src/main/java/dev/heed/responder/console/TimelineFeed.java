package dev.heed.responder.console;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.responder.console.TimelineEntry.Stage;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds the timeline index and the dead letters from records of every Heed topic: each event becomes a
 * timeline entry of its feedback id and updates the facts the open list and the completeness figure use.
 * State rows update the level and reminder count only: they repeat what the events already told.
 */
public final class TimelineFeed implements Consumer<ConsumerRecord<byte[], byte[]>> {
    private final HeedTopics topics;
    private final TimelineIndex index;
    private final DeadLetters deadLetters;

    public TimelineFeed(HeedTopics topics, TimelineIndex index, DeadLetters deadLetters) {
        this.topics = topics;
        this.index = index;
        this.deadLetters = deadLetters;
    }

    /** Every topic the feed reads: all of the catalog's. */
    public static List<String> topicNames(HeedTopics topics) {
        return topics.all().stream().map(spec -> spec.name()).toList();
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(topics.routingDlq().name()) || topic.equals(topics.responderDlq().name())) {
            deadLetters.add(record);
        } else if (record.value() == null) {
            return; // a tombstone on the compacted state topic
        } else if (topic.equals(topics.feedbackReceived().name())) {
            received(record, read(topics.feedbackReceived(), record));
        } else if (topic.equals(topics.feedbackClassified().name())) {
            classified(record, read(topics.feedbackClassified(), record));
        } else if (topic.equals(topics.complaintsEscalated().name())) {
            escalated(record, read(topics.complaintsEscalated(), record));
        } else if (topic.equals(topics.responseDue().name())) {
            reminder(record, read(topics.responseDue(), record));
        } else if (topic.equals(topics.complaintsAcknowledged().name())) {
            acknowledged(record, read(topics.complaintsAcknowledged(), record));
        } else if (topic.equals(topics.responsesSent().name())) {
            sent(record, read(topics.responsesSent(), record));
        } else if (topic.equals(topics.complaintsState().name())) {
            state(read(topics.complaintsState(), record));
        }
    }

    private void received(ConsumerRecord<?, ?> r, FeedbackReceived e) {
        index.update(e.getEventId(), life -> {
            life.receivedAt = e.getReceivedAt();
            life.subject = text(e.getSubject());
            life.add(entry(r, e.getReceivedAt(), Stage.RECEIVED, StageDetails.received(e)));
        });
    }

    private void classified(ConsumerRecord<?, ?> r, FeedbackClassified e) {
        index.update(e.getFeedback().getEventId(), life -> {
            if (life.receivedAt == null) {
                life.receivedAt = e.getFeedback().getReceivedAt();
                life.subject = text(e.getFeedback().getSubject());
            }
            life.add(entry(r, e.getClassifiedAt(), Stage.CLASSIFIED, StageDetails.classified(e)));
        });
    }

    private void escalated(ConsumerRecord<?, ?> r, ComplaintEscalated e) {
        index.update(e.getComplaintId(), life -> {
            life.escalatedAt = e.getEscalatedAt();
            life.dueAt = e.getFirstResponseDueAt();
            life.severity = e.getSeverity().name();
            life.confidence = e.getConfidence();
            if (life.subject == null) {
                life.subject = text(e.getSubject());
            }
            life.add(entry(r, e.getEscalatedAt(), Stage.ESCALATED, StageDetails.escalated(e)));
        });
    }

    private void reminder(ConsumerRecord<?, ?> r, ResponseDue e) {
        index.update(e.getComplaintId(), life -> {
            life.level = e.getLevel();
            life.reminders = Math.max(life.reminders, e.getReminderNumber());
            life.add(entry(r, e.getEmittedAt(), Stage.REMINDER, StageDetails.reminder(e)));
        });
    }

    private void acknowledged(ConsumerRecord<?, ?> r, ComplaintAcknowledged e) {
        index.update(e.getComplaintId(), life -> {
            life.acknowledged = true;
            life.add(entry(r, e.getAcknowledgedAt(), Stage.ACKNOWLEDGED, StageDetails.acknowledged(e)));
        });
    }

    private void sent(ConsumerRecord<?, ?> r, ResponseSent e) {
        index.update(e.getFeedbackId(), life -> {
            if (e.getKind() == ResponseKind.CUSTOMER_REPLY && e.getOutcome() == DeliveryOutcome.SENT) {
                life.customerAnswered = true;
            }
            life.add(entry(r, e.getSentAt(), Stage.REPLY_SENT, StageDetails.sent(e)));
        });
    }

    private void state(ComplaintState s) {
        index.update(s.getComplaintId(), life -> {
            life.level = s.getLevel();
            life.reminders = Math.max(life.reminders, s.getRemindersSent());
            life.acknowledged |= s.getAcknowledgedAt() != null;
        });
    }

    private static <V> V read(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private static TimelineEntry entry(ConsumerRecord<?, ?> r, Instant at, Stage stage, Map<String, Object> details) {
        return new TimelineEntry(at, stage, r.topic(), r.partition(), r.offset(), details);
    }

    private static String text(CharSequence text) {
        return text == null ? null : text.toString();
    }
}
