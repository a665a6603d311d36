package dev.heed.responder.console;

import dev.heed.events.EscalationLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console knows of one feedback id: its timeline (at most {@code maxEntries}, oldest dropped
 * first) and the few facts the completeness figure and the open list need. Guarded by the index's lock.
 */
final class ComplaintLife {
    private final String id;
    private final int maxEntries;
    private final List<TimelineEntry> entries = new ArrayList<>();
    Instant receivedAt;
    Instant classifiedAt;
    Instant escalatedAt;
    Instant dueAt;
    String severity;
    Double confidence;
    String subject;
    EscalationLevel level = EscalationLevel.AGENT;
    int reminders;
    boolean acknowledged;
    boolean customerAnswered;
    String queue;
    /** Routing's promise counts from the latest state row; null before one was read. */
    PromiseHistory.Counts promiseCounts;
    /** Routing's status from the latest state row (null before one was read), and its resolution while resolved. */
    String status;
    Instant resolvedAt;
    String resolvedBy;
    /** Routing's resolution count and the verdict it recorded, from the latest state row. */
    int resolutions;
    Integer verdictScore;
    Instant verdictAt;
    String verdictFeedbackId;
    /** Routing's hold (pause) and customer-reply figures from the latest state row (ComplaintState 8). */
    Instant pausedSince;
    long pausedMillis;
    int pauses;
    int replies;
    int negativeReplies;
    Instant lastReplyAt;
    String lastReplyFeedbackId;
    boolean lastReplyNegative;
    /** The update id of the latest resolution read from complaints.updated (a known problem's fix starts with "fix:"). */
    String lastResolveUpdateId;
    /** The texts of the verdicts read for this complaint, by their feedback id (a few at most: one per resolution). */
    private final Map<String, String> verdictTexts = new HashMap<>();
    // What the promise view is read from, each bounded like the timeline (oldest dropped first).
    private final List<PromiseHistory.Acknowledgement> acknowledgements = new ArrayList<>();
    private final List<PromiseHistory.Update> updates = new ArrayList<>();
    private final List<PromiseHistory.Point> points = new ArrayList<>();
    /** The latest delivery record per message id of the customer updates. */
    private final Map<String, PromiseHistory.Delivery> deliveries = new HashMap<>();

    ComplaintLife(String id, int maxEntries) {
        this.id = id;
        this.maxEntries = maxEntries;
    }

    String id() {
        return id;
    }

    void add(TimelineEntry entry) {
        if (entries.stream().anyMatch(entry::samePlace)) {
            return;
        }
        entries.add(entry);
        entries.sort(TimelineEntry.ORDER);
        if (entries.size() > maxEntries) {
            entries.remove(0);
        }
    }

    void acknowledged(PromiseHistory.Acknowledgement ack) {
        keep(acknowledgements, ack, PromiseHistory.Acknowledgement::place);
    }

    void updated(PromiseHistory.Update update) {
        keep(updates, update, PromiseHistory.Update::place);
    }

    void promisePoint(PromiseHistory.Point point) {
        keep(points, point, PromiseHistory.Point::place);
    }

    void verdictText(String feedbackId, String text) {
        verdictTexts.put(feedbackId, text);
        if (verdictTexts.size() > maxEntries) {
            verdictTexts.keySet().stream().filter(key -> !key.equals(verdictFeedbackId)).findFirst().ifPresent(verdictTexts::remove);
        }
    }

    void updateDelivered(String messageId, PromiseHistory.Delivery delivery) {
        PromiseHistory.Delivery known = deliveries.get(messageId);
        if (known == null || !delivery.sentAt().isBefore(known.sentAt())) {
            deliveries.put(messageId, delivery);
        }
        // One per update; a complaint with more updates than the bound keeps the latest deliveries only.
        if (deliveries.size() > maxEntries) {
            deliveries.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparing(PromiseHistory.Delivery::sentAt)))
                    .ifPresent(oldest -> deliveries.remove(oldest.getKey()));
        }
    }

    private <T> void keep(List<T> list, T item, java.util.function.Function<T, PromiseHistory.Place> place) {
        if (list.stream().anyMatch(known -> place.apply(known).equals(place.apply(item)))) {
            return; // the same record read again
        }
        list.add(item);
        if (list.size() > maxEntries) {
            list.remove(0);
        }
    }

    /** The promises and updates as of {@code now}. */
    PromiseHistory.Ledger promises(Instant now) {
        return PromiseHistory.of(acknowledgements, updates, points, deliveries, promiseCounts, now);
    }

    List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    /** Known as feedback (received, classified or escalated), not only through a reply or an acknowledgement. */
    boolean isFeedback() {
        return receivedAt != null || escalatedAt != null;
    }

    /** An immutable copy for readers outside the lock. */
    ComplaintFacts facts() {
        return new ComplaintFacts(id, receivedAt != null ? receivedAt : escalatedAt, escalatedAt, dueAt, severity, subject, level,
                reminders, acknowledged, customerAnswered, isFeedback(), confidence,
                ComplaintFacts.millisBetween(receivedAt, classifiedAt), ComplaintFacts.millisBetween(receivedAt, escalatedAt),
                queue, promiseCounts, status, resolvedAt, resolvedBy, status == null ? null
                        : new ComplaintFacts.Verdict(resolutions, verdictScore, verdictAt, verdictFeedbackId,
                        verdictFeedbackId == null ? null : verdictTexts.get(verdictFeedbackId)),
                status == null ? null : new ComplaintFacts.Hold(ComplaintFacts.Hold.waitingOn(status), pausedSince, pausedMillis, pauses),
                status == null ? null : new ComplaintFacts.Replies(replies, negativeReplies, lastReplyAt, lastReplyFeedbackId,
                        lastReplyNegative),
                "RESOLVED".equals(status) ? ComplaintFacts.problemOf(lastResolveUpdateId, id) : null);
    }
}
