package dev.heed.routing.topology.event;

import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.routing.reply.Replies;
import dev.heed.routing.sla.DueEvent;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.Resolution;
import dev.heed.routing.sla.ResolutionClock;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.topology.store.AcknowledgedComplaint;
import dev.heed.routing.topology.store.OpenComplaint;
import java.time.Instant;

/**
 * Builds the outgoing Avro events of a complaint from its feedback, clock and due events. Every time they carry
 * is either the feedback's {@code receivedAt} (the clock's start, carried through), a due point counted from it,
 * or routing's wall clock when it wrote the event ({@code escalatedAt}, {@code emittedAt}, {@code updatedAt}).
 */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    public static ComplaintEscalated escalated(FeedbackClassified classified, OpenComplaint open) {
        FeedbackReceived feedback = classified.getFeedback();
        SlaClock clock = open.clock();
        return ComplaintEscalated.newBuilder()
                .setComplaintId(open.id())
                .setEscalatedAt(open.escalatedAt())
                .setReceivedAt(clock.startedAt())
                .setSeverity(open.severity())
                .setQueue(open.queue())
                .setCategories(classified.getClassification().getCategories().stream().map(s -> s.getCategory()).toList())
                .setIntents(classified.getClassification().getIntents())
                .setReasons(EscalationReasons.of(classified.getClassification(), classified.getFeedback().getText()))
                .setPolicyName(clock.policy().name())
                .setPolicyVersion(clock.policy().version())
                .setFirstResponseDueAt(clock.breachAt())
                .setWarningsAt(clock.warningsAt())
                .setRepeatEveryMillis(clock.policy().repeatEvery().toMillis())
                .setSourceSystem(feedback.getSourceSystem())
                .setChannel(feedback.getChannel())
                .setCustomer(feedback.getCustomer())
                .setSubject(feedback.getSubject())
                .setText(feedback.getText())
                .setReference(feedback.getReference())
                .setTraceId(feedback.getTraceId())
                .setConfidence(classified.getClassification().getConfidence())
                .build();
    }

    public static ResponseDue due(OpenComplaint open, DueEvent event, Instant now) {
        SlaClock clock = open.clock();
        return ResponseDue.newBuilder()
                .setComplaintId(open.id())
                .setKind(DueKind.valueOf(event.kind().name()))
                .setDueAt(event.dueAt())
                .setEmittedAt(now)
                .setBreachAt(event.breachAt())
                .setOverdueByMillis(event.overdueBy(now).toMillis())
                .setReminderNumber(event.reminderNumber())
                .setLevel(EscalationLevel.valueOf(event.level().name()))
                .setSeverity(open.severity())
                .setQueue(open.queue())
                .setPolicyName(clock.policy().name())
                .setPolicyVersion(clock.policy().version())
                .setTraceId(open.traceId())
                // breachAt is the promised time for a promise's points, so readers of older versions count overdue from it.
                .setPromisedAt(event.kind().promise() ? event.breachAt() : null)
                .build();
    }

    /**
     * The response-due of a reopening ({@code point}, kind REOPENED): by an agent ({@code agent}, the reopening update's id)
     * or by the customer's verdict (its event id, score and words; no agent).
     */
    public static ResponseDue reopened(OpenComplaint open, DueEvent point, String reopeningId, String agent, Integer verdictScore,
                                       String verdictText, Instant now) {
        ResponseDue due = due(open, point, now);
        due.setReopeningId(reopeningId);
        due.setReopenedBy(agent);
        due.setVerdictScore(verdictScore);
        due.setVerdictText(verdictText);
        return due;
    }

    public static ComplaintState openState(OpenComplaint open, Instant now) {
        SlaClock clock = open.clock();
        return stateBuilder(open, now)
                .setStatus(ComplaintStatus.valueOf(clock.status().name()))
                .setNextDueAt(clock.nextDueAt())
                .build();
    }

    /**
     * An acknowledged complaint with its promises: the due points counted over the first response and the promises
     * together (as {@code remindersSent} says), the promise open now, the ledger's counts, its resolution (status
     * RESOLVED or REOPENED once an agent resolved it), its pauses (status WAITING_ON_* while on hold) and the customer's last verdict.
     */
    public static ComplaintState acknowledgedState(AcknowledgedComplaint acked, Instant now) {
        PromiseLedger ledger = acked.ledger();
        Resolution resolution = acked.resolution();
        Pause pause = acked.pause();
        return stateBuilder(acked.complaint(), now)
                .setStatus(resolution.resolved() ? ComplaintStatus.RESOLVED
                        : pause.paused() ? waiting(pause.waitingOn())
                        : resolution.reopened() ? ComplaintStatus.REOPENED : ComplaintStatus.ACKNOWLEDGED)
                .setPausedSince(pause.since())
                .setPausedMillis(pause.pausedMillis())
                .setPauses(pause.pauses())
                .setAutoCloseAt(acked.autoCloseAt())
                .setAutoClosed(resolution.automatic())
                .setResolvedAt(resolution.resolvedAt())
                .setResolvedBy(resolution.resolvedBy())
                .setResolutions(resolution.resolutions())
                .setReopenings(resolution.reopenings())
                .setNextDueAt(null)
                .setAcknowledgedAt(acked.ack().at())
                .setAcknowledgedBy(acked.ack().agent())
                .setRemindersSent(ledger.pointsSent())
                .setLevel(EscalationLevel.valueOf(ledger.level().name()))
                .setLastReminderAt(ledger.lastReminderAt())
                .setNextUpdateBy(ledger.promisedAt())
                .setPromisesMade(ledger.made())
                .setPromisesKept(ledger.kept())
                .setPromisesReplaced(ledger.replaced())
                .setPromisesBroken(ledger.broken())
                .setVerdictScore(acked.verdict() == null ? null : acked.verdict().score())
                .setVerdictFeedbackId(acked.verdict() == null ? null : acked.verdict().feedbackId())
                .setVerdictAt(acked.verdict() == null ? null : acked.verdict().at())
                .setVerdictResolutionId(acked.verdict() == null ? null : acked.verdict().resolutionId())
                .build();
    }

    private static ComplaintStatus waiting(Pause.Wait on) {
        return on == Pause.Wait.CUSTOMER ? ComplaintStatus.WAITING_ON_CUSTOMER : ComplaintStatus.WAITING_ON_THIRD_PARTY;
    }

    /**
     * {@code state} with the complaint's resolution clock: when the resolution is due (null once resolved), whether the
     * target was breached and how often, and its points counted in {@code remindersSent} and {@code lastReminderAt}.
     * {@code state} is changed and returned; unchanged when there is no resolution clock (the policy has no resolution
     * target).
     */
    public static ComplaintState withResolution(ComplaintState state, ResolutionClock resolution) {
        if (resolution == null) {
            return state;
        }
        Instant last = state.getLastReminderAt();
        Instant resolutionLast = resolution.lastReminderAt();
        // Set on the row itself, just built for this write: a builder copying it would deep-copy through Avro's reflection.
        state.setResolutionDueAt(resolution.dueAt());
        state.setResolutionBreached(resolution.breached());
        state.setResolutionBreaches(resolution.breaches());
        state.setRemindersSent(state.getRemindersSent() + resolution.pointsSent());
        state.setLastReminderAt(last == null || resolutionLast != null && resolutionLast.isAfter(last) ? resolutionLast : last);
        return state;
    }

    /**
     * {@code state} with the customer replies attached to the complaint: how many, how many negative, and the last one.
     * {@code state} is changed and returned (as in {@link #withResolution}); unchanged when none came.
     */
    public static ComplaintState withReplies(ComplaintState state, Replies replies) {
        if (replies == null || replies.count() == 0) {
            return state;
        }
        state.setReplies(replies.count());
        state.setNegativeReplies(replies.negative());
        state.setLastReplyAt(replies.last().at());
        state.setLastReplyFeedbackId(replies.last().feedbackId());
        state.setLastReplyNegative(replies.last().negative());
        return state;
    }

    private static ComplaintState.Builder stateBuilder(OpenComplaint open, Instant now) {
        SlaClock clock = open.clock();
        return ComplaintState.newBuilder()
                .setComplaintId(open.id())
                .setSeverity(open.severity())
                .setQueue(open.queue())
                .setPolicyName(clock.policy().name())
                .setPolicyVersion(clock.policy().version())
                .setEscalatedAt(open.escalatedAt())
                .setReceivedAt(clock.startedAt())
                .setFirstResponseDueAt(clock.breachAt())
                .setLastReminderAt(clock.lastReminderAt())
                .setRemindersSent(clock.remindersSent())
                .setLevel(EscalationLevel.valueOf(clock.level().name()))
                .setUpdatedAt(now);
    }
}
