package dev.heed.responder.console;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.console.TimelineEntry.Stage;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.input.Input;
import dev.heed.responder.input.InputDecoder;
import dev.heed.schemas.topics.HeedTopics;
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
    private final InputDecoder decoder;
    private final TimelineIndex index;
    private final DeadLetters deadLetters;

    public TimelineFeed(HeedTopics topics, TimelineIndex index, DeadLetters deadLetters) {
        this.decoder = new InputDecoder(topics);
        this.index = index;
        this.deadLetters = deadLetters;
    }

    /** Every topic the feed reads: all of the catalog's. */
    public static List<String> topicNames(HeedTopics topics) {
        return topics.all().stream().map(spec -> spec.name()).toList();
    }

    @Override
    public void accept(ConsumerRecord<byte[], byte[]> record) {
        Input input = decoder.decode(record.topic(), record.value());
        if (input instanceof Input.DeadLetter) {
            deadLetters.add(record);
        } else if (input instanceof Input.Received received) {
            received(record, received.event());
        } else if (input instanceof Input.Classified classified) {
            classified(record, classified.event());
        } else if (input instanceof Input.Escalated escalated) {
            escalated(record, escalated.event());
        } else if (input instanceof Input.Due due) {
            reminder(record, due.event());
        } else if (input instanceof Input.Acknowledged acknowledged) {
            acknowledged(record, acknowledged.event());
        } else if (input instanceof Input.Sent sent) {
            sent(record, sent.event());
        } else if (input instanceof Input.Updated updated) {
            updated(record, updated.event());
        } else if (input instanceof Input.State state) {
            state(record, state.state());
        }
        // A tombstone on the compacted state topic tells nothing.
    }

    private void received(ConsumerRecord<?, ?> r, FeedbackReceived e) {
        if (e.getVerdict() != null) {
            verdictReceived(r, e);
            return;
        }
        index.update(e.getEventId(), life -> {
            life.receivedAt = e.getReceivedAt();
            life.subject = text(e.getSubject());
            life.add(entry(r, e.getReceivedAt(), Stage.RECEIVED, StageDetails.received(e)));
        });
    }

    /**
     * A customer's verdict on a resolution belongs to the complaint it answers, not to a life of its own: it is no
     * feedback waiting for a reply (ingest's page answered it), and the complaint's page shows it.
     */
    private void verdictReceived(ConsumerRecord<?, ?> r, FeedbackReceived e) {
        index.update(e.getVerdict().getComplaintId(), life -> {
            life.verdictText(e.getEventId(), e.getText());
            life.add(entry(r, e.getReceivedAt(), Stage.VERDICT, StageDetails.verdict(e)));
        });
    }

    private void verdictClassified(ConsumerRecord<?, ?> r, FeedbackClassified e) {
        index.update(e.getFeedback().getVerdict().getComplaintId(),
                life -> life.add(entry(r, e.getClassifiedAt(), Stage.VERDICT, StageDetails.verdictClassified(e))));
    }

    private void classified(ConsumerRecord<?, ?> r, FeedbackClassified e) {
        if (e.getFeedback().getVerdict() != null) {
            verdictClassified(r, e);
            return;
        }
        index.update(e.getFeedback().getEventId(), life -> {
            if (life.receivedAt == null) {
                life.receivedAt = e.getFeedback().getReceivedAt();
                life.subject = text(e.getFeedback().getSubject());
            }
            life.classifiedAt = e.getClassifiedAt();
            life.add(entry(r, e.getClassifiedAt(), Stage.CLASSIFIED, StageDetails.classified(e)));
        });
    }

    private void escalated(ConsumerRecord<?, ?> r, ComplaintEscalated e) {
        index.update(e.getComplaintId(), life -> {
            life.escalatedAt = e.getEscalatedAt();
            if (life.receivedAt == null) {
                life.receivedAt = e.getReceivedAt(); // null from routing before ComplaintEscalated 3
            }
            life.dueAt = e.getFirstResponseDueAt();
            if (life.queue == null) {
                life.queue = e.getQueue();
            }
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
            if (e.getPromisedAt() != null && e.getKind().name().startsWith("PROMISE_")) {
                life.promisePoint(new PromiseHistory.Point(place(r), e.getKind().name(), e.getEmittedAt(), e.getPromisedAt(),
                        e.getReminderNumber(), e.getLevel().name(), e.getOverdueByMillis()));
            }
        });
    }

    private void acknowledged(ConsumerRecord<?, ?> r, ComplaintAcknowledged e) {
        index.update(e.getComplaintId(), life -> {
            life.acknowledged = true;
            life.add(entry(r, e.getAcknowledgedAt(), Stage.ACKNOWLEDGED, StageDetails.acknowledged(e)));
            life.acknowledged(new PromiseHistory.Acknowledgement(place(r), e.getAcknowledgementId(), e.getAcknowledgedAt(),
                    e.getAgent(), e.getNextUpdateBy()));
        });
    }

    private void updated(ConsumerRecord<?, ?> r, ComplaintUpdated e) {
        index.update(e.getComplaintId(), life -> {
            // A resolution acknowledges a complaint nobody acknowledged (routing counts it so).
            life.acknowledged |= e.getAction() == UpdateAction.RESOLVE;
            if (e.getAction() == UpdateAction.RESOLVE) {
                life.lastResolveUpdateId = e.getUpdateId();
            }
            life.add(entry(r, e.getUpdatedAt(), Stage.UPDATED, StageDetails.updated(e)));
            // The responder names the customer's message by (complaint, update id): its record on responses.sent has it.
            life.updated(new PromiseHistory.Update(place(r), e.getUpdateId(), e.getUpdatedAt(), e.getAgent(), text(e.getTeam()),
                    e.getMessage(), e.getNextUpdateBy(), e.getDelay(), MessageIds.update(e.getComplaintId(), e.getUpdateId()),
                    e.getAction() == UpdateAction.UPDATE ? null : e.getAction().name()));
        });
    }

    private void sent(ConsumerRecord<?, ?> r, ResponseSent e) {
        index.update(e.getFeedbackId(), life -> {
            if (e.getKind() == ResponseKind.CUSTOMER_REPLY && e.getOutcome() == DeliveryOutcome.SENT) {
                life.customerAnswered = true;
            }
            life.add(entry(r, e.getSentAt(), Stage.REPLY_SENT, StageDetails.sent(e)));
            if (e.getKind() == ResponseKind.CUSTOMER_UPDATE) {
                life.updateDelivered(e.getMessageId(), new PromiseHistory.Delivery(e.getOutcome().name(), e.getChannel().name(),
                        text(e.getRecipient()), e.getAttempts(), text(e.getError()), e.getSentAt()));
            }
        });
    }

    private void state(ConsumerRecord<?, ?> r, ComplaintState s) {
        index.update(s.getComplaintId(), life -> {
            String lastReply = text(s.getLastReplyFeedbackId());
            // Each reply writes a row at once: a row naming a reply not seen before is that reply's moment in the life.
            if (lastReply != null && !lastReply.equals(life.lastReplyFeedbackId) && s.getLastReplyAt() != null) {
                life.add(entry(r, s.getLastReplyAt(), Stage.CUSTOMER_REPLY, StageDetails.customerReply(s)));
            }
            life.pausedSince = s.getPausedSince();
            life.pausedMillis = s.getPausedMillis();
            life.pauses = s.getPauses();
            life.replies = s.getReplies();
            life.negativeReplies = s.getNegativeReplies();
            life.lastReplyAt = s.getLastReplyAt();
            life.lastReplyFeedbackId = lastReply;
            life.lastReplyNegative = s.getLastReplyNegative();
            life.level = s.getLevel();
            life.reminders = Math.max(life.reminders, s.getRemindersSent());
            life.acknowledged |= s.getAcknowledgedAt() != null || ComplaintDirectory.owned(s.getStatus());
            life.status = s.getStatus().name();
            life.resolvedAt = s.getResolvedAt();
            life.resolvedBy = text(s.getResolvedBy());
            life.resolutions = s.getResolutions();
            life.verdictScore = s.getVerdictScore();
            life.verdictAt = s.getVerdictAt();
            life.verdictFeedbackId = text(s.getVerdictFeedbackId());
            life.queue = s.getQueue();
            // A row is the whole current state: its counts replace the last row's.
            life.promiseCounts = new PromiseHistory.Counts(s.getPromisesMade(), s.getPromisesKept(), s.getPromisesReplaced(),
                    s.getPromisesBroken(), s.getNextUpdateBy());
        });
    }

    private static TimelineEntry entry(ConsumerRecord<?, ?> r, Instant at, Stage stage, Map<String, Object> details) {
        return new TimelineEntry(at, stage, r.topic(), r.partition(), r.offset(), details);
    }

    private static PromiseHistory.Place place(ConsumerRecord<?, ?> r) {
        return new PromiseHistory.Place(r.topic(), r.partition(), r.offset());
    }

    private static String text(CharSequence text) {
        return text == null ? null : text.toString();
    }
}
