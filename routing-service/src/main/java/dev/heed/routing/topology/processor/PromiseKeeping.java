package dev.heed.routing.topology.processor;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.routing.sla.AutoClose;
import dev.heed.routing.sla.DueEvent;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.Resolution;
import dev.heed.routing.topology.event.ComplaintEvents;
import dev.heed.routing.topology.store.AcknowledgedComplaint;
import dev.heed.routing.topology.store.DueIndexKey;
import dev.heed.routing.topology.store.EarlyAck;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.PromiseStore;
import dev.heed.routing.verdict.CustomerVerdict;
import dev.heed.routing.verdict.VerdictRule;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promise side of the {@link ComplaintClockProcessor}: the acknowledged complaints of one task and their promise
 * ledgers ({@link PromiseLedger}). It applies acknowledgements and updates and catches up due promises; what it emits
 * goes out through the processor ({@link Output}), so the processor keeps the one place that forwards.
 */
final class PromiseKeeping {

    /** Where the points and state rows go: the processor's sinks. */
    interface Output {
        /** A response-due per event of {@code complaint}, stamped {@code now}. */
        void due(OpenComplaint complaint, List<DueEvent> events, Instant now);

        /** The state row of {@code complaint} under {@code record}'s key and headers, stamped {@code now}. */
        void state(Record<String, ?> record, OpenComplaint complaint, ComplaintState state, Instant now);

        /**
         * {@code complaint} was resolved at {@code at}, its first-response and promise clocks having emitted
         * {@code otherPoints} points: its resolution clock, if any, stops. Called before the state row is written.
         */
        void resolved(OpenComplaint complaint, Instant at, int otherPoints, Instant now);

        /** {@code complaint} was reopened at {@code at}: its resolution clock, if any, starts afresh. Before the state row. */
        void reopened(OpenComplaint complaint, Instant at, Instant now);

        /**
         * {@code complaint} was put on hold at {@code at} (no later than {@code now}), its other clocks having emitted
         * {@code otherPoints} points: its resolution clock, if any, pauses (owed points first). Before the state row.
         */
        void paused(OpenComplaint complaint, Instant at, int otherPoints, Instant now);

        /** {@code complaint} was taken off hold at {@code at}: its resolution clock, if any, resumes, its points moved. Before the state row. */
        void resumed(OpenComplaint complaint, Instant at, Instant now);

        /**
         * Routing closed the complaint itself ({@link AutoClose}) with {@code close}, applied already: it goes to
         * complaints.updated, stamped {@code now}, so that the responder tells the customer.
         */
        void closedAutomatically(ComplaintUpdated close, Instant now);

        /** The response-due that tells {@code complaint}'s agents of its reopening {@code by}, stamped {@code now}. */
        void reopenedPoint(OpenComplaint complaint, DueEvent point, Reopening by, Instant now);
    }

    /**
     * What reopened a complaint: an agent's REOPEN (its update id and the agent) or the customer's negative verdict (its
     * event id, score and words).
     */
    record Reopening(String id, String agent, Integer verdictScore, String verdictText) {
        static Reopening byAgent(String updateId, String agent) {
            return new Reopening(updateId, agent, null, null);
        }

        static Reopening byVerdict(CustomerVerdict verdict, String text) {
            return new Reopening(verdict.feedbackId(), null, verdict.score(), text == null ? "" : text);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PromiseKeeping.class);

    private final PromiseStore promises;
    private final Output out;

    PromiseKeeping(PromiseStore promises, Output out) {
        this.promises = promises;
        this.out = out;
    }

    long rebuildIndex() {
        return promises.rebuildIndex();
    }

    AcknowledgedComplaint get(String id) {
        return promises.get(id);
    }

    /**
     * The acknowledgement that stopped {@code owed}'s first-response clock: the complaint is kept, with a promise when
     * the acknowledgement makes one, and even without, so that a later update can make one (it needs the complaint's
     * facts and policy). Also an acknowledgement that came before its escalation, when the escalation arrives:
     * its clock never ran, and its promise starts then.
     */
    void acknowledged(Record<String, ?> record, OpenComplaint owed, EarlyAck ack, Instant now) {
        AcknowledgedComplaint acked = new AcknowledgedComplaint(owed, new EarlyAck(ack.at(), ack.agent()),
                PromiseLedger.after(owed.clock(), ack.acknowledgementId()), record.timestamp());
        if (ack.nextUpdateBy() != null) {
            acked = acked.with(acked.ledger().promise(ack.acknowledgementId(), owed.clock().policy(), ack.at(),
                    ack.nextUpdateBy(), now).ledger());
        }
        promises.put(promises.get(acked.id()), acked);
        out.state(record, acked.complaint(), ComplaintEvents.acknowledgedState(acked, now), now);
    }

    /**
     * An acknowledgement of a complaint acknowledged before: a retry of the same one changes nothing; one with a
     * {@code nextUpdateBy} promises that time, replacing the open promise unless it was broken; one without only says
     * again who owns it, which the first one recorded.
     */
    void acknowledgedAgain(Record<String, ?> record, AcknowledgedComplaint acked, ComplaintAcknowledged ack, Instant now) {
        if (acked.ledger().applied(ack.getAcknowledgementId()) || ack.getNextUpdateBy() == null) {
            LOG.info("acknowledgement {} for {}, acknowledged before: no new promise, nothing changes", ack.getAcknowledgementId(),
                    record.key());
            return;
        }
        apply(record, acked, acked.ledger().promise(ack.getAcknowledgementId(), acked.complaint().clock().policy(),
                ack.getAcknowledgedAt(), ack.getNextUpdateBy(), now), now);
    }

    /**
     * An update given to the customer: keeps, replaces or makes a promise of an acknowledged complaint; as its action
     * says, it also resolves the complaint (an update that makes no promise) or reopens a resolved one (it may promise).
     * A resolution of a resolved complaint, or a reopening of one that is not, is logged and changes nothing.
     */
    void updated(Record<String, ?> record, ComplaintUpdated update, Instant now) {
        AcknowledgedComplaint acked = promises.get(record.key());
        if (acked == null) {
            // Not acknowledged (yet), unknown, or forgotten after the retention: there is no promise to keep.
            LOG.info("update {} for {} without an acknowledged complaint; no promise tracked", update.getUpdateId(), record.key());
            return;
        }
        if (acked.ledger().applied(update.getUpdateId())) {
            LOG.info("update {} for {} applied before; a retry, nothing changes", update.getUpdateId(), record.key());
            return;
        }
        UpdateAction action = update.getAction();
        Resolution resolution = acked.resolution();
        if (action == UpdateAction.REOPEN ? !resolution.resolved() : resolution.resolved() && action != UpdateAction.UPDATE
                && action != UpdateAction.UNKNOWN) {
            LOG.info("update {} would {} complaint {}, which is {}; nothing changes", update.getUpdateId(), action, record.key(),
                    resolution.resolved() ? "resolved" : "not resolved");
            return;
        }
        if (action == UpdateAction.RESOLVE) {
            resolve(record, acked, update, now);
            return;
        }
        if (action == UpdateAction.WAIT_ON_CUSTOMER || action == UpdateAction.WAIT_ON_THIRD_PARTY || action == UpdateAction.RESUME) {
            hold(record, acked, update, now);
            return;
        }
        if (action == UpdateAction.UNKNOWN) {
            LOG.warn("update {} for {} has an action this version does not know; applied as an update", update.getUpdateId(), record.key());
        }
        if (action == UpdateAction.REOPEN) {
            out.reopened(acked.complaint(), update.getUpdatedAt(), now);
            // Told before the update applies: a promise it makes numbers its points after this one.
            acked = tellReopened(acked.with(resolution.reopen()), update.getUpdatedAt(),
                    Reopening.byAgent(update.getUpdateId(), update.getAgent()), now);
        }
        PromiseLedger.Step step = acked.ledger().update(update.getUpdateId(), acked.complaint().clock().policy(), update.getUpdatedAt(),
                update.getNextUpdateBy(), update.getDelay(), now);
        apply(record, acked, step, now);
    }

    /**
     * A resolution or a wait ({@link #acknowledging}) of {@code owed}, whose first-response clock it stopped: the complaint
     * counts as acknowledged by the agent at the update's time (who resolved it, or wrote to the customer asking for what is
     * missing, responded), and is resolved or put on hold.
     */
    void acknowledgedBy(Record<String, ?> record, OpenComplaint owed, ComplaintUpdated update, Instant now) {
        AcknowledgedComplaint acked = new AcknowledgedComplaint(owed, new EarlyAck(update.getUpdatedAt(), update.getAgent()),
                PromiseLedger.after(owed.clock(), null), record.timestamp());
        if (update.getAction() == UpdateAction.RESOLVE) {
            resolve(record, acked, update, now);
        } else {
            hold(record, acked, update, now);
        }
    }

    /** Whether an update with {@code action} acknowledges a complaint whose first-response clock runs: a resolution and a wait. */
    static boolean acknowledging(UpdateAction action) {
        return action == UpdateAction.RESOLVE || action == UpdateAction.WAIT_ON_CUSTOMER || action == UpdateAction.WAIT_ON_THIRD_PARTY;
    }

    /** Resolves {@code acked}: the update keeps an open promise given in time, ends it either way, and makes none; a pause ends. */
    private void resolve(Record<String, ?> record, AcknowledgedComplaint acked, ComplaintUpdated update, Instant now) {
        resolve(record, acked, update, acked.resolution().resolve(update.getUpdatedAt(), update.getAgent()), now);
    }

    /** Resolves {@code acked} by {@code update} as {@code resolved} says (by an agent or automatically). */
    private void resolve(Record<String, ?> record, AcknowledgedComplaint acked, ComplaintUpdated update, Resolution resolved, Instant now) {
        PromiseLedger.Step step = acked.ledger().update(update.getUpdateId(), acked.complaint().clock().policy(), update.getUpdatedAt(),
                null, false, now);
        // The resolution clock's owed points go out before the promise's, numbered after the points emitted until now.
        out.resolved(acked.complaint(), update.getUpdatedAt(), acked.ledger().pointsSent(), now);
        apply(record, acked.with(resolved).with(acked.pause().end(earlier(update.getUpdatedAt(), now))), step, now);
    }

    /**
     * Closes {@code acked} itself at {@code at} (its auto-close time, no later than {@code now}): resolved as by an agent's
     * RESOLVE at that time (the promise's points owed before it go out first, the resolution clock stops, the pause ends),
     * marked as closed automatically, and the resolution written to complaints.updated under the pause's own update id,
     * so that the customer is told once. The store, the state and the update commit together (exactly_once_v2).
     */
    private void closeAutomatically(AcknowledgedComplaint acked, Instant at, Instant now) {
        ComplaintUpdated close = ComplaintUpdated.newBuilder()
                .setComplaintId(acked.id())
                .setUpdateId(AutoClose.updateId(acked.id(), acked.pause().pauses()))
                .setUpdatedAt(at)
                .setAgent(AutoClose.AGENT)
                .setMessage(AutoClose.MESSAGE)
                .setAction(UpdateAction.RESOLVE)
                .build();
        LOG.info("complaint {} closed automatically at {}: it waited on the customer since {} with no reply", acked.id(), at,
                acked.pause().waitingSince());
        resolve(new Record<>(acked.id(), null, now.toEpochMilli()), acked, close,
                acked.resolution().closeAutomatically(at, AutoClose.AGENT), now);
        out.closedAutomatically(close, now);
    }

    /**
     * A wait or a resume: an update to the customer as any (it keeps, replaces or makes a promise: a promise is an instant
     * the agent named, so it runs on while the complaint is on hold), which also puts the complaint on hold (pausing its
     * resolution clock, owed points first; a wait of the other kind only switches what is awaited) or takes it off hold
     * (the resolution clock resumes, its points moved by the business time held). A resume of a complaint not on hold is an
     * update only.
     */
    private void hold(Record<String, ?> record, AcknowledgedComplaint acked, ComplaintUpdated update, Instant now) {
        PromiseLedger.Step step = acked.ledger().update(update.getUpdateId(), acked.complaint().clock().policy(), update.getUpdatedAt(),
                update.getNextUpdateBy(), update.getDelay(), now);
        Instant at = earlier(update.getUpdatedAt(), now);
        Pause pause = acked.pause();
        if (update.getAction() == UpdateAction.RESUME) {
            if (pause.paused()) {
                out.resumed(acked.complaint(), at, now);
            }
            apply(record, acked.with(pause.end(at)), step, now);
            return;
        }
        if (!pause.paused()) {
            // As at a resolution: the resolution clock's owed points go out before the promise's, numbered after those so far.
            out.paused(acked.complaint(), at, acked.ledger().pointsSent(), now);
        }
        Pause.Wait wait = update.getAction() == UpdateAction.WAIT_ON_CUSTOMER ? Pause.Wait.CUSTOMER : Pause.Wait.THIRD_PARTY;
        apply(record, acked.with(pause.begin(wait, at)), step, now);
    }

    /**
     * A customer's reply to {@code acked}, accepted at {@code at}: when it is what the complaint waits on
     * ({@link Pause#resumedBy}), the complaint comes off hold then (no later than {@code now}) and its resolution clock
     * resumes. Returns the complaint as stored after it; the caller writes the state.
     */
    AcknowledgedComplaint replied(AcknowledgedComplaint acked, Instant at, boolean negative, Instant now) {
        if (!acked.pause().resumedBy(negative)) {
            return acked;
        }
        Instant resumedAt = earlier(at, now);
        LOG.info("complaint {} off hold at {}: the customer replied", acked.id(), resumedAt);
        out.resumed(acked.complaint(), resumedAt, now);
        AcknowledgedComplaint next = acked.with(acked.pause().end(resumedAt));
        promises.put(acked, next);
        return next;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * A customer's verdict on a resolution of an acknowledged complaint, as {@link VerdictRule} decides: recorded, and a
     * negative one reopens a resolved complaint and escalates it one level; a second verdict on the same resolution
     * changes nothing. Returns false, changing nothing, when no acknowledged complaint is kept under the record's key.
     */
    boolean verdict(Record<String, ?> record, CustomerVerdict verdict, String text, Instant now) {
        AcknowledgedComplaint acked = promises.get(record.key());
        if (acked == null) {
            return false;
        }
        VerdictRule.Outcome outcome = VerdictRule.decide(acked.resolution().resolved(), acked.verdict(), verdict);
        LOG.info("verdict {} ({} of 5{}) on resolution {} of complaint {}: {}", verdict.feedbackId(), verdict.score(),
                verdict.negativeText() ? ", negative text" : "", verdict.resolutionId(), record.key(), outcome);
        if (outcome == VerdictRule.Outcome.ANSWERED) {
            return true;
        }
        AcknowledgedComplaint next = acked.with(verdict, record.timestamp());
        if (outcome == VerdictRule.Outcome.REOPEN) {
            // Reopened as by an agent's REOPEN: the resolution clock, if any, starts afresh from the verdict.
            out.reopened(acked.complaint(), verdict.at(), now);
            next = next.with(next.resolution().reopen()).with(next.ledger().climbed());
            next = tellReopened(next, verdict.at(), Reopening.byVerdict(verdict, text), now);
        }
        promises.put(acked, next);
        out.state(record, next.complaint(), ComplaintEvents.acknowledgedState(next, now), now);
        return true;
    }

    /**
     * Emits the point that tells the agents of {@code acked}'s reopening at {@code at} (no later than {@code now}), at the
     * complaint's level, and returns the complaint with it counted; stores nothing.
     */
    private AcknowledgedComplaint tellReopened(AcknowledgedComplaint acked, Instant at, Reopening by, Instant now) {
        PromiseLedger.Step step = acked.ledger().reopened(at.isAfter(now) ? now : at);
        out.reopenedPoint(acked.complaint(), step.events().get(0), by, now);
        return acked.with(step.ledger());
    }

    /** Up to {@code max} keys of promises due at or before {@code horizon}. */
    List<Bytes> due(Instant horizon, int max) {
        return promises.due(horizon, max);
    }

    /**
     * Emits the open promise's due points up to {@code horizon}, stamped {@code now}; or, when the complaint's automatic
     * close is due by then, closes it (promise points owed before the close go out with it).
     */
    void catchUp(Bytes indexKey, Instant horizon, Instant now) {
        AcknowledgedComplaint acked = promises.get(DueIndexKey.complaintId(indexKey));
        if (acked == null || acked.nextDueAt() == null) {
            promises.dropIndexEntry(indexKey);
            return;
        }
        Instant closeAt = acked.autoCloseAt();
        if (closeAt != null && !closeAt.isAfter(horizon)) {
            closeAutomatically(acked, closeAt, now);
            return;
        }
        if (acked.promiseDueAt() == null) {
            // Its close is not due yet: an index entry left from before a change that moved it (a rebuilt index has none).
            return;
        }
        PromiseLedger.Step step = acked.ledger().catchUp(horizon, now);
        out.due(acked.complaint(), step.events(), now);
        AcknowledgedComplaint next = acked.with(step.ledger());
        promises.put(acked, next);
        out.state(new Record<>(acked.id(), null, now.toEpochMilli()), next.complaint(), ComplaintEvents.acknowledgedState(next, now), now);
    }

    /** Forgets the resolved complaints with no promise open whose last event is before {@code before} (stream time); returns their ids. */
    List<String> forgetIdle(long before) {
        return promises.forgetIdle(before);
    }

    /** Emits the step's owed points, stamped {@code now}, stores its ledger and writes the complaint's state. */
    private void apply(Record<String, ?> record, AcknowledgedComplaint acked, PromiseLedger.Step step, Instant now) {
        out.due(acked.complaint(), step.events(), now);
        AcknowledgedComplaint next = acked.with(step.ledger(), record.timestamp());
        promises.put(acked, next);
        out.state(record, next.complaint(), ComplaintEvents.acknowledgedState(next, now), now);
    }
}
