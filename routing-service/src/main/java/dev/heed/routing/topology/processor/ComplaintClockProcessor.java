package dev.heed.routing.topology.processor;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.Customer;
import dev.heed.events.ComplaintState;
import dev.heed.events.Classification;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.Sentiment;
import dev.heed.events.VerdictLink;
import dev.heed.routing.deadletter.RefusedRecordException;
import dev.heed.schemas.topics.TopicNames;
import dev.heed.routing.reply.CustomerReply;
import dev.heed.routing.reply.Replies;
import dev.heed.routing.reply.ReplyKeys;
import dev.heed.routing.verdict.CustomerVerdict;
import dev.heed.events.UpdateAction;
import dev.heed.routing.sla.DueEvent;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.ResolutionClock;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.StopInputWatermarks;
import dev.heed.routing.topology.event.ComplaintEvents;
import dev.heed.routing.topology.store.AcknowledgedComplaint;
import dev.heed.routing.topology.store.ClockStore;
import dev.heed.routing.topology.store.DueIndexKey;
import dev.heed.routing.topology.store.EarlyAck;
import dev.heed.routing.topology.store.EarlyAcks;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.PromiseStore;
import dev.heed.routing.topology.store.ResolutionStore;
import dev.heed.routing.topology.store.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the SLA clock of every escalated complaint until it is acknowledged, then the clock of every update promised
 * to its customer until the promise is kept or replaced ({@link PromiseLedger}), and, when its policy has a resolution
 * target, its resolution clock from escalation until it is resolved, afresh from each reopening ({@link ResolutionClock}). Input is a {@link ClockInput}: an
 * escalation (from the escalation step), an acknowledgement or an update (same key, co-partitioned). A wall-clock
 * punctuator emits every due point at or before the punctuation time, so its cost follows what is due, and a
 * late or skipped punctuation loses nothing. Under exactly_once_v2 the store changes, the emitted events and
 * the input offsets commit together: one response-due per due point, also across crashes.
 *
 * <p>Every record it writes carries routing's wall clock as its timestamp, the same instant as the event's own
 * time ({@code escalatedAt}, {@code emittedAt}, {@code updatedAt}): the punctuation's time for due points, and
 * {@link ProcessorContext#currentSystemTimeMs()} (the clock punctuations run on) for escalations and
 * acknowledgements. Due points themselves count from the feedback's {@code receivedAt} (the clock's start).
 */
public final class ComplaintClockProcessor extends ContextualProcessor<String, ClockInput, String, Object> {

    public static final String ESCALATED_SINK = "complaints-escalated-sink";
    public static final String RESPONSE_DUE_SINK = "response-due-sink";
    public static final String STATE_SINK = "complaints-state-sink";
    /** Where a problem's fix goes once applied to its open complaint: complaints.updated, so the customer is told. */
    public static final String UPDATED_SINK = "complaints-updated-sink";
    /** The sink of the reply index: an open complaint's keys when it is escalated or reopened, tombstones when it is resolved. */
    public static final String REPLY_INDEX_SINK = "reply-index-sink";
    /** The dead-letter reason of a reply whose complaint this task does not hold (any more). */
    public static final String REPLY_UNMATCHED = "REPLY_UNMATCHED";
    /** The dead-letter reason of a verdict whose complaint this task does not hold. */
    public static final String VERDICT_UNMATCHED = "VERDICT_UNMATCHED";

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintClockProcessor.class);
    /** Bounds the keys held in memory per scan; a backlog larger than this is worked off in several scans. */
    static final int SCAN_BATCH = 10_000;

    private final Duration punctuateInterval;
    private final Duration ackRetention;
    private final int maxDuePerPunctuation;
    private ClockStore clocks;
    private PromiseKeeping promises;
    private ResolutionStore resolutions;
    private EarlyAcks earlyAcks;
    private KeyValueStore<String, Replies> replies;
    private AckCounter acksWithoutClock;
    private AckCounter fixesSkipped;
    private final List<String> stopInputs;
    private final StopInputWatermarks watermarks;
    private CatchUpGate gate;
    private StopInputGate stopGate;
    private boolean gated;
    private DueWake wake;
    private PromiseStore promiseStore;

    /**
     * Looks for due points every {@code punctuateInterval}, catching up at most {@code maxDuePerPunctuation} clocks each
     * time; remembers early acknowledgements for {@code earlyAckRetention} (see {@link ClockSettings}).
     */
    public ComplaintClockProcessor(ClockSettings settings) {
        this(settings, List.of(), StopInputWatermarks.NONE);
    }

    /**
     * As {@link #ComplaintClockProcessor(ClockSettings)}, holding due points back until the task has read its
     * partition of {@code stopInputs} (the acknowledgement and update topics, in the samples' order) as far as the
     * {@code watermarks} say the brokers held it (see {@link StopInputGate}).
     */
    public ComplaintClockProcessor(ClockSettings settings, List<String> stopInputs, StopInputWatermarks watermarks) {
        this.punctuateInterval = settings.punctuateInterval();
        this.ackRetention = settings.earlyAckRetention();
        this.maxDuePerPunctuation = settings.maxDuePerPunctuation();
        this.stopInputs = List.copyOf(stopInputs);
        this.watermarks = watermarks;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        clocks = new ClockStore(context.getStateStore(StoreNames.OPEN_CLOCKS),
                context.getStateStore(StoreNames.DUE_INDEX));
        // Streams initialises processors after restoring the task's stores, so every open clock is here.
        long open = clocks.rebuildIndex();
        promiseStore = new PromiseStore(context.getStateStore(StoreNames.PROMISES), context.getStateStore(StoreNames.PROMISE_DUE_INDEX));
        promises = new PromiseKeeping(promiseStore, new PromiseKeeping.Output() {
                    @Override
                    public void due(OpenComplaint complaint, List<DueEvent> events, Instant now) {
                        emit(complaint, events, now);
                    }

                    @Override
                    public void state(Record<String, ?> record, OpenComplaint complaint, ComplaintState state, Instant now) {
                        writeState(record, complaint, state, now);
                    }

                    @Override
                    public void resolved(OpenComplaint complaint, Instant at, int otherPoints, Instant now) {
                        resolve(complaint, at, otherPoints, now);
                    }

                    @Override
                    public void reopened(OpenComplaint complaint, Instant at, Instant now) {
                        reopen(complaint, at, now);
                    }

                    @Override
                    public void closedAutomatically(ComplaintUpdated close, Instant now) {
                        forward(new Record<>(close.getComplaintId(), null, now.toEpochMilli()), close, now, UPDATED_SINK);
                    }

                    @Override
                    public void reopenedPoint(OpenComplaint complaint, DueEvent point, PromiseKeeping.Reopening by, Instant now) {
                        ResolutionClock resolution = resolutionOf(complaint);
                        DueEvent numbered = resolution == null ? point : point.renumbered(point.reminderNumber() + resolution.pointsSent());
                        forward(new Record<>(complaint.id(), null, now.toEpochMilli()), ComplaintEvents.reopened(complaint, numbered,
                                by.id(), by.agent(), by.verdictScore(), by.verdictText(), now), now, RESPONSE_DUE_SINK);
                    }

                    @Override
                    public void paused(OpenComplaint complaint, Instant at, int otherPoints, Instant now) {
                        ResolutionClock clock = resolutionOf(complaint);
                        if (clock != null) {
                            ResolutionClock.Step step = clock.pause(at, now, otherPoints);
                            forwardDue(complaint, step.events(), now);
                            resolutions.put(clock, step.clock());
                        }
                    }

                    @Override
                    public void resumed(OpenComplaint complaint, Instant at, Instant now) {
                        ResolutionClock clock = resolutionOf(complaint);
                        if (clock != null) {
                            resolutions.put(clock, clock.resume(at));
                        }
                    }
                });
        long promised = promises.rebuildIndex();
        resolutions = new ResolutionStore(context.getStateStore(StoreNames.RESOLUTION_CLOCKS),
                context.getStateStore(StoreNames.RESOLUTION_DUE_INDEX));
        long resolving = resolutions.rebuildIndex();
        LOG.info("task {}: due indexes rebuilt from {} open clocks, {} open promises and {} running resolution clocks", context.taskId(),
                open, promised, resolving);
        earlyAcks = new EarlyAcks(context.getStateStore(StoreNames.EARLY_ACKS), ackRetention);
        replies = context.getStateStore(StoreNames.REPLIES);
        acksWithoutClock = AckCounter.register(context);
        fixesSkipped = AckCounter.register(context, AckCounter.FIXES_SKIPPED,
                "Problem fixes not sent because their complaint was resolved already or is not held here");
        gate = new CatchUpGate(context.currentSystemTimeMs());
        stopGate = new StopInputGate(stopInputs, context.taskId().partition());
        context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, at -> {
            wake.regular(at);
            emitDue(at, true);
        });
        wake = new DueWake(context, punctuateInterval, at -> emitDue(at, false));
        // A point indexed due before the next regular punctuation wakes the task then (the listeners see every later put).
        clocks.onIndexed(this::indexed);
        promiseStore.onIndexed(this::indexed);
        resolutions.onIndexed(this::indexed);
        // On stream time, as a window store would drop them: replaying old records never forgets an ack too early.
        context.schedule(forgetInterval(ackRetention), PunctuationType.STREAM_TIME, this::forgetEarlyAcks);
        armWake(context.currentSystemTimeMs(), context.currentSystemTimeMs());
    }

    /** A quarter of the retention (at least a second): early acknowledgements are kept at most 1.25 retentions. */
    static Duration forgetInterval(Duration retention) {
        return Duration.ofMillis(Math.max(1000, retention.toMillis() / 4));
    }

    private void forgetEarlyAcks(long streamTime) {
        int forgotten = earlyAcks.forgetBefore(streamTime);
        if (forgotten > 0) {
            LOG.info("task {}: forgot {} early acknowledgements older than the retention", context().taskId(), forgotten);
        }
        List<String> idle = promises.forgetIdle(streamTime - ackRetention.toMillis());
        for (String id : idle) {
            // Stopped, since the complaint is resolved; kept until now for the numbering and a reopening.
            ResolutionClock resolution = resolutions.get(id);
            if (resolution != null) {
                resolutions.delete(resolution);
            }
            replies.delete(id);
        }
        if (!idle.isEmpty()) {
            LOG.info("task {}: forgot {} resolved complaints with no promise open and no event within the retention",
                    context().taskId(), idle.size());
        }
    }

    @Override
    public void process(Record<String, ClockInput> record) {
        // Java 17 has no pattern switch; the interface is sealed, so these five cases are all there are.
        gate.input(context().currentSystemTimeMs(), context().currentStreamTimeMs());
        context().recordMetadata().ifPresent(source -> stopGate.processed(source.topic(), source.offset()));
        ClockInput input = record.value();
        if (input instanceof ClockInput.Escalation escalation) {
            escalate(record, escalation);
        } else if (input instanceof ClockInput.Acknowledgement acknowledgement) {
            acknowledge(record, acknowledgement.ack());
        } else if (input instanceof ClockInput.Update update) {
            if (TopicNames.routingUpdatePrefix(update.update().getUpdateId()).isPresent()) {
                // Written by this processor once it applied the fix or the automatic close: reading it back changes nothing.
                return;
            }
            updated(record, update.update());
        } else if (input instanceof ClockInput.Fix fix) {
            fix(record, fix.update());
        } else if (input instanceof ClockInput.Verdict verdict) {
            verdict(record, verdict.classified());
        } else if (input instanceof ClockInput.Reply reply) {
            reply(record, reply.classified());
        }
    }

    /**
     * A customer's verdict on a resolution, attached to the acknowledged complaint it names ({@link PromiseKeeping#verdict}).
     * One that finds no such complaint here (never escalated or acknowledged, forgotten a retention after its
     * resolution, or written under another key than its complaint's) is dead-lettered with reason
     * {@value #VERDICT_UNMATCHED}: kept and visible, never applied to the wrong complaint, never dropped.
     */
    private void verdict(Record<String, ?> record, FeedbackClassified classified) {
        FeedbackReceived feedback = classified.getFeedback();
        VerdictLink link = feedback.getVerdict();
        Classification classification = classified.getClassification();
        CustomerVerdict verdict = new CustomerVerdict(link.getScore(), judgedNegative(classification), feedback.getEventId(), link.getResolutionId(),
                feedback.getReceivedAt());
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        if (!link.getComplaintId().equals(record.key())) {
            throw new RefusedRecordException(VERDICT_UNMATCHED, "verdict " + feedback.getEventId() + " on complaint "
                    + link.getComplaintId() + " is keyed " + record.key() + ", not by its complaint, so it cannot meet it");
        }
        if (!promises.verdict(record, verdict, feedback.getText(), now)) {
            throw new RefusedRecordException(VERDICT_UNMATCHED, "verdict " + feedback.getEventId() + " on complaint " + record.key()
                    + (clocks.get(record.key()) != null ? ", which nobody has acknowledged or resolved yet"
                            : ", which routing does not know (never escalated, or forgotten a retention after its resolution)"));
        }
    }

    /**
     * Negative as the customer's words go: the classifier judged the text (it did not leave it to triage: empty, another
     * language) and found it negative or worth escalating.
     */
    private static boolean judgedNegative(Classification classification) {
        return !classification.getTriage() && (classification.getSentiment() == Sentiment.NEGATIVE || classification.getEscalate());
    }

    /**
     * A customer's reply to their complaint, sent here by the escalation step, which found the complaint open in the reply
     * index: counted on the complaint with its time and tone, and its state written. A negative reply starts no clock and
     * climbs no level (the complaint already has its clocks and an owner, or is about to); it is shown on the state. A
     * reply that is what an acknowledged complaint on hold waits on takes it off hold at the reply's time, resuming its
     * resolution clock ({@link dev.heed.routing.sla.Pause#resumedBy}).
     * A complaint resolved since the lookup (the index lags) gets the reply recorded all the same: it is attached to the
     * complaint it answers, not lost. One this task does not hold at all (forgotten since, or keyed by hand) is
     * dead-lettered with reason {@value #REPLY_UNMATCHED}, as an unmatched verdict is.
     */
    private void reply(Record<String, ?> record, FeedbackClassified classified) {
        String id = record.key();
        FeedbackReceived feedback = classified.getFeedback();
        OpenComplaint open = clocks.get(id);
        AcknowledgedComplaint acked = open == null ? promises.get(id) : null;
        if (open == null && acked == null) {
            throw new RefusedRecordException(REPLY_UNMATCHED, "reply " + feedback.getEventId() + " to complaint " + id
                    + ", which routing does not know (never escalated here, or forgotten a retention after its resolution)");
        }
        CustomerReply reply = new CustomerReply(feedback.getEventId(), feedback.getReceivedAt(), judgedNegative(classified.getClassification()));
        Replies before = replies.get(id);
        replies.put(id, (before == null ? Replies.indexed(List.of()) : before).with(reply));
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        if (acked != null) {
            acked = promises.replied(acked, reply.at(), reply.negative(), now);
        }
        LOG.info("reply {} ({}) attached to complaint {}{}", reply.feedbackId(), reply.negative() ? "negative" : "not negative", id,
                acked != null && acked.resolution().resolved() ? ", resolved since it was looked up" : "");
        writeState(record, open != null ? open : acked.complaint(),
                open != null ? ComplaintEvents.openState(open, now) : ComplaintEvents.acknowledgedState(acked, now), now);
    }

    /**
     * Puts the open complaint {@code id} into the reply index: under {@code open:<id>} and its reference keys (kept in the
     * replies store, from the escalation, so that they can be taken out again). {@code escalated} is null on a reopening.
     */
    private void index(String id, ComplaintEscalated escalated, Instant now) {
        Replies kept = replies.get(id);
        if (kept == null && escalated != null) {
            Customer customer = escalated.getCustomer();
            List<String> keys = ReplyKeys.references(customer.getId(), customer.getEmail(), customer.getPhone(), escalated.getReference());
            if (!keys.isEmpty()) {
                kept = Replies.indexed(keys);
                replies.put(id, kept);
            }
        }
        indexRecord(ReplyKeys.open(id), id, now);
        if (kept != null) {
            kept.referenceKeys().forEach(key -> indexRecord(key, id, now));
        }
    }

    /** Takes the resolved complaint {@code id} out of the reply index: later feedback naming it is new feedback. */
    private void unindex(String id, Instant now) {
        indexRecord(ReplyKeys.open(id), null, now);
        Replies kept = replies.get(id);
        if (kept != null) {
            kept.referenceKeys().forEach(key -> indexRecord(key, null, now));
        }
    }

    private void indexRecord(String key, String complaintId, Instant now) {
        context().forward(new Record<>(key, complaintId, now.toEpochMilli()), REPLY_INDEX_SINK);
    }

    private void escalate(Record<String, ?> record, ClockInput.Escalation escalation) {
        String id = escalation.open().id();
        if (clocks.get(id) != null) {
            LOG.warn("complaint {} already has a running clock; keeping it", id);
            return;
        }
        Instant now = escalation.open().escalatedAt();
        forward(record, escalation.event(), now, ESCALATED_SINK);
        index(id, escalation.event(), now);
        startResolution(escalation.open());
        // Looked up around the feedback's own time, as the acknowledgement was remembered at its own.
        EarlyAck early = earlyAcks.find(id, escalation.open().clock().startedAt().toEpochMilli());
        if (early != null) {
            // Kept as acknowledged, with the promise the acknowledgement made, so that the promise's clock runs and
            // a later update finds the complaint.
            LOG.info("complaint {} was acknowledged by {} before its escalation; no clock started", id, early.agent());
            promises.acknowledged(record, escalation.open(), early, now);
            return;
        }
        clocks.start(escalation.open());
        writeState(record, escalation.open(), ComplaintEvents.openState(escalation.open(), now), now);
    }

    /**
     * Starts the complaint's resolution clock at its escalation, when its policy has a resolution target; keeps the one it
     * has (an escalation seen twice).
     */
    private void startResolution(OpenComplaint open) {
        ResolutionClock clock = ResolutionClock.start(open.id(), open.clock().policy(), open.escalatedAt());
        if (clock != null && resolutions.get(open.id()) == null) {
            resolutions.put(null, clock);
        }
    }

    /**
     * Stops the resolution clock of a complaint resolved at {@code at}, emitting first the points due before it that are
     * not out yet (owed, as a first-response clock's are at an acknowledgement), numbered after {@code otherPoints}.
     */
    private void resolve(OpenComplaint complaint, Instant at, int otherPoints, Instant now) {
        unindex(complaint.id(), now);
        ResolutionClock clock = resolutionOf(complaint);
        if (clock == null) {
            return;
        }
        ResolutionClock.Step step = clock.resolve(at, now, otherPoints);
        forwardDue(complaint, step.events(), now);
        resolutions.put(clock, step.clock());
    }

    /** Restarts the resolution clock of a complaint reopened at {@code at} (no later than {@code now}): a fresh target. */
    private void reopen(OpenComplaint complaint, Instant at, Instant now) {
        index(complaint.id(), null, now);
        ResolutionClock clock = resolutionOf(complaint);
        if (clock != null) {
            resolutions.put(clock, clock.reopen(at.isAfter(now) ? now : at));
        }
    }

    /**
     * An agent's update: to an acknowledged complaint's promises (and resolution); a resolution of a complaint whose
     * first-response clock still runs also acknowledges it, stopping the clock as an acknowledgement at its own time does.
     */
    private void updated(Record<String, ?> record, ComplaintUpdated update) {
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        OpenComplaint open = PromiseKeeping.acknowledging(update.getAction()) ? clocks.get(record.key()) : null;
        if (open == null) {
            promises.updated(record, update, now);
            return;
        }
        clocks.stop(open);
        promises.acknowledgedBy(record, emitOwed(open, update.getUpdatedAt(), now), update, now);
    }

    /**
     * A known problem's resolution of this complaint: applied as an agent's resolution (stopping its clocks, also the
     * first-response clock of a complaint nobody acknowledged) and passed on to complaints.updated, so that the customer is
     * told once, when the complaint is still open; skipped, logged and counted when it is resolved already (its customer
     * was told) or routing holds no such complaint.
     */
    private void fix(Record<String, ?> record, ComplaintUpdated fix) {
        boolean unacknowledged = clocks.get(record.key()) != null;
        AcknowledgedComplaint acked = unacknowledged ? null : promises.get(record.key());
        String skipped = unacknowledged ? null
                : acked == null ? "routing holds no such complaint (never escalated, or forgotten a retention after its resolution)"
                : acked.resolution().resolved() ? "it is resolved already"
                : acked.ledger().applied(fix.getUpdateId()) ? "it was applied before" : null;
        if (skipped != null) {
            fixesSkipped.increment();
            LOG.info("fix {} not sent to complaint {}: {}", fix.getUpdateId(), record.key(), skipped);
            return;
        }
        updated(record, fix);
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        forward(record, fix, now, UPDATED_SINK);
    }

    private void acknowledge(Record<String, ?> record, ComplaintAcknowledged ack) {
        OpenComplaint open = clocks.get(record.key());
        if (open == null) {
            AcknowledgedComplaint acked = promises.get(record.key());
            if (acked != null) {
                promises.acknowledgedAgain(record, acked, ack, Instant.ofEpochMilli(context().currentSystemTimeMs()));
                return;
            }
            // Either the escalation is still on its way (remember, so its clock never starts) or the id is
            // unknown or already closed: counted and logged, not an error.
            earlyAcks.remember(record.key(), EarlyAck.of(ack), record.timestamp());
            acksWithoutClock.increment();
            LOG.info("acknowledgement {} for {} without a running clock; remembered", ack.getAcknowledgementId(), record.key());
            return;
        }
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        clocks.stop(open);
        OpenComplaint owed = emitOwed(open, ack.getAcknowledgedAt(), now);
        promises.acknowledged(record, owed, EarlyAck.of(ack), now);
    }

    /**
     * Emits, stamped {@code now}, the due points that fell due before the acknowledgement ({@code acknowledgedAt},
     * never later than {@code now}) and are not out yet, and returns the complaint with them counted. They were
     * owed: nobody owned the complaint when they fell due. Usually there are none, the punctuator has sent them;
     * there are some when the {@link StopInputGate} (or the {@link CatchUpGate}) held them back while the task worked off a backlog and the
     * acknowledgement came before the next punctuation. Points after the acknowledgement are never emitted.
     */
    private OpenComplaint emitOwed(OpenComplaint open, Instant acknowledgedAt, Instant now) {
        Instant until = acknowledgedAt.isAfter(now) ? now : acknowledgedAt;
        OpenComplaint after = emitUpTo(open, until, now);
        if (after != open) {
            LOG.info("complaint {}: {} due point(s) from before its acknowledgement at {} emitted with it", open.id(),
                    after.clock().remindersSent() - open.clock().remindersSent(), acknowledgedAt);
        }
        return after;
    }

    /**
     * Emits what is due at {@code wall}, up to what the gates let out, at a regular punctuation or a {@link DueWake}
     * (which leaves the catch-up gate's window of records to the regular one), and arms the next wake.
     */
    private void emitDue(long wall, boolean regular) {
        Instant now = Instant.ofEpochMilli(wall);
        long byStreamTime = regular ? gate.horizon(wall, context().currentStreamTimeMs()) : gate.peek(wall, context().currentStreamTimeMs());
        long byStopInputs = stopGate.horizon(wall, watermarks.samples());
        Instant horizon = Instant.ofEpochMilli(byStopInputs >= 0 ? byStopInputs : byStreamTime);
        // Logged when points are held back longer than a caught-up task's input may lag; not at every punctuation.
        boolean holding = wall - horizon.toEpochMilli() > CatchUpGate.FRESH_WITHIN;
        if (regular && holding != gated) {
            gated = holding;
            LOG.info(gated ? "task {}: catching up on its input, due points held back to {} ({})"
                    : "task {}: input caught up, due points emitted up to {} ({})", context().taskId(), horizon,
                    byStopInputs >= 0 ? "acknowledgements and updates read up to the brokers' end offsets then"
                            : "stream time " + Instant.ofEpochMilli(context().currentStreamTimeMs()));
        }
        int handled = drain(maxDuePerPunctuation, batch -> clocks.due(horizon, batch), key -> catchUp(key, horizon, now));
        if (handled < maxDuePerPunctuation) {
            handled += drain(maxDuePerPunctuation - handled, batch -> promises.due(horizon, batch),
                    key -> promises.catchUp(key, horizon, now));
        }
        if (handled < maxDuePerPunctuation) {
            handled += drain(maxDuePerPunctuation - handled, batch -> resolutions.due(horizon, batch),
                    key -> catchUpResolution(key, horizon, now));
        }
        if (handled < maxDuePerPunctuation) {
            armWake(wall, holding ? wall : horizon.toEpochMilli());
            return;
        }
        // Bounded so the thread commits in between (see ClockSettings); a wake goes on from here right after the commit.
        LOG.info("task {}: caught up {} due clocks in one punctuation, the bound; more are due and follow at once",
                context().taskId(), handled);
        wake.at(wall + 1, wall);
    }

    /**
     * Arms a wake at the earliest due time before the next regular punctuation: a point due after {@code now}, or, when
     * points due by {@code now} were held back only to {@code horizon} (the newest broker sample a task that keeps up has
     * read, see {@link StopInputGate}), a retry a tenth of the interval later, by when a newer sample may let them out.
     */
    private void armWake(long now, long horizon) {
        long next = wake.nextRegular();
        long due = firstDue(clocks.firstDueBetween(now, next), promiseStore.firstDueBetween(now, next),
                resolutions.firstDueBetween(now, next));
        if (horizon < now && firstDue(clocks.firstDueBetween(horizon, now + 1), promiseStore.firstDueBetween(horizon, now + 1),
                resolutions.firstDueBetween(horizon, now + 1)) >= 0) {
            due = firstDue(due, now + Math.max(1, punctuateInterval.toMillis() / 10));
        }
        if (due >= 0) {
            wake.at(due, now);
        }
    }

    /** A point was indexed due at {@code dueAt}: wake then if that is after now and before the next regular punctuation. */
    private void indexed(long dueAt) {
        long now = context().currentSystemTimeMs();
        if (dueAt > now) {
            wake.at(dueAt, now);
        }
    }

    /** The earliest of due times where -1 means none; -1 when all are none. */
    private static long firstDue(long... dues) {
        long first = -1;
        for (long due : dues) {
            if (due >= 0 && (first < 0 || due < first)) {
                first = due;
            }
        }
        return first;
    }

    /** Handles index keys from {@code due} (given a batch size) until fewer than a batch come or the budget is spent. */
    private static int drain(int budget, IntFunction<List<Bytes>> due, Consumer<Bytes> handle) {
        int handled = 0;
        while (handled < budget) {
            int batch = Math.min(SCAN_BATCH, budget - handled);
            List<Bytes> keys = due.apply(batch);
            keys.forEach(handle);
            handled += keys.size();
            if (keys.size() < batch) {
                break;
            }
        }
        return handled;
    }

    /** Emits the clock's due points up to {@code horizon}, stamped {@code now}. */
    private void catchUp(Bytes indexKey, Instant horizon, Instant now) {
        OpenComplaint open = clocks.get(DueIndexKey.complaintId(indexKey));
        if (open == null) {
            clocks.dropIndexEntry(indexKey);
            return;
        }
        OpenComplaint next = emitUpTo(open, horizon, now);
        clocks.advance(open, next);
        writeState(new Record<>(open.id(), null, now.toEpochMilli()), next, ComplaintEvents.openState(next, now), now);
    }

    /**
     * Emits the resolution clock's due points up to {@code horizon}, stamped {@code now}, numbered after the points of the
     * complaint's other clocks, and writes its state: as an open complaint while its first-response clock runs, else as
     * an acknowledged one.
     */
    private void catchUpResolution(Bytes indexKey, Instant horizon, Instant now) {
        String id = DueIndexKey.complaintId(indexKey);
        ResolutionClock clock = resolutions.get(id);
        if (clock == null || clock.nextDueAt() == null) {
            resolutions.dropIndexEntry(indexKey);
            return;
        }
        OpenComplaint open = clocks.get(id);
        AcknowledgedComplaint acked = open == null ? promises.get(id) : null;
        if (open == null && acked == null) {
            // Both are kept until the complaint is resolved, when this clock stops: only a hand-edited store gets here.
            LOG.warn("complaint {}: a resolution clock without its complaint; dropped", id);
            resolutions.delete(clock);
            return;
        }
        OpenComplaint facts = open != null ? open : acked.complaint();
        ResolutionClock.Step step = clock.catchUp(horizon, open != null ? open.clock().remindersSent() : acked.ledger().pointsSent());
        forwardDue(facts, step.events(), now);
        resolutions.put(clock, step.clock());
        writeState(new Record<>(id, null, now.toEpochMilli()), facts,
                open != null ? ComplaintEvents.openState(open, now) : ComplaintEvents.acknowledgedState(acked, now), now);
    }

    /**
     * Forwards the response-due of every point of {@code open}'s clock due at or before {@code horizon}, stamped
     * {@code now}, and returns the complaint with them counted ({@code open} itself when none was due). Stores
     * nothing: the caller does.
     */
    private OpenComplaint emitUpTo(OpenComplaint open, Instant horizon, Instant now) {
        SlaClock.CatchUp step = open.clock().catchUp(horizon);
        if (step.events().isEmpty()) {
            return open;
        }
        emit(open, step.events(), now);
        return open.withClock(step.clock());
    }

    /**
     * Forwards a response-due per first-response or promise event of {@code open}'s complaint, stamped {@code now}, its
     * number raised by the points of the complaint's resolution clock (see {@link ResolutionClock} on numbering).
     */
    private void emit(OpenComplaint open, List<DueEvent> events, Instant now) {
        ResolutionClock resolution = resolutionOf(open);
        int offset = resolution == null ? 0 : resolution.pointsSent();
        forwardDue(open, offset == 0 ? events : events.stream().map(e -> e.renumbered(e.reminderNumber() + offset)).toList(), now);
    }

    /** Forwards a response-due per event of {@code open}'s complaint as numbered, stamped {@code now}. */
    private void forwardDue(OpenComplaint open, List<DueEvent> events, Instant now) {
        Record<String, ?> at = new Record<>(open.id(), null, now.toEpochMilli());
        events.forEach(event -> forward(at, ComplaintEvents.due(open, event, now), now, RESPONSE_DUE_SINK));
    }

    /**
     * Writes the state row of {@code complaint} with its resolution clock's fields ({@link ComplaintEvents#withResolution})
     * and its customer replies ({@link ComplaintEvents#withReplies}).
     */
    private void writeState(Record<String, ?> record, OpenComplaint complaint, ComplaintState state, Instant now) {
        forward(record, ComplaintEvents.withReplies(ComplaintEvents.withResolution(state, resolutionOf(complaint)),
                replies.get(complaint.id())), now, STATE_SINK);
    }

    /**
     * The complaint's resolution clock, null when it has none. Looked up only when its policy has a resolution target (the
     * complaint keeps the policy it started with, target included): the others, all of them by default, cost no store read.
     */
    private ResolutionClock resolutionOf(OpenComplaint complaint) {
        return complaint.clock().policy().resolution() == null ? null : resolutions.get(complaint.id());
    }

    /** Forwards {@code value} under the record's key and headers, stamped {@code at}: the event's own time. */
    private void forward(Record<String, ?> record, SpecificRecord value, Instant at, String child) {
        context().forward(new Record<>(record.key(), value, at.toEpochMilli(), record.headers()), child);
    }

    @Override
    public void close() {
        acksWithoutClock.close();
        fixesSkipped.close();
    }
}
