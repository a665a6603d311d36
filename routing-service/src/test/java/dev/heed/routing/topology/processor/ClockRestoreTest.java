package dev.heed.routing.topology.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DueKind;
import dev.heed.events.ResponseDue;
import dev.heed.events.Severity;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.ResolutionClock;
import dev.heed.routing.sla.ResolutionTarget;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.store.AcknowledgedComplaint;
import dev.heed.routing.topology.store.AcknowledgedComplaintSerde;
import dev.heed.routing.topology.store.EarlyAck;
import dev.heed.routing.topology.store.EarlyAcks;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.OpenComplaintSerde;
import dev.heed.routing.topology.store.RepliesSerde;
import dev.heed.routing.topology.store.ResolutionClockSerde;
import dev.heed.routing.topology.store.StoreNames;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The due indexes have no changelog: a task that starts (after a restore, a restart, a move or a suspension) derives
 * them from its open clocks and its open promises. These tests start the processor on stores as a restore or a
 * suspension leaves them.
 */
class ClockRestoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SlaPolicy POLICY = new SlaPolicy("restore", 2, Duration.ofHours(1), List.of(), Duration.ofHours(1), 2);
    private static final SlaPolicy RESOLVING = POLICY.resolving(new ResolutionTarget(Duration.ofHours(4), List.of(0.5, 0.75),
            Duration.ofHours(1)));

    @TempDir
    File stateDir;

    private MockProcessorContext<String, Object> context;
    private KeyValueStore<String, OpenComplaint> clocks;
    private KeyValueStore<Bytes, byte[]> index;
    private KeyValueStore<String, AcknowledgedComplaint> promises;
    private KeyValueStore<Bytes, byte[]> promiseIndex;
    private KeyValueStore<String, ResolutionClock> resolutions;
    private KeyValueStore<Bytes, byte[]> resolutionIndex;
    private ComplaintClockProcessor processor;

    @BeforeEach
    void stores() {
        context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir);
        // The task starts at T0 with the stream time its last commit recorded: a while before.
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
        context.setCurrentStreamTimeMs(T0.minus(Duration.ofHours(2)).toEpochMilli());
        clocks = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.OPEN_CLOCKS), Serdes.String(),
                OpenComplaintSerde.serde()).withLoggingDisabled().build());
        index = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.DUE_INDEX), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build());
        init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.EARLY_ACKS), Serdes.String(),
                EarlyAcks.Remembered.serde()).withLoggingDisabled().build());
        promises = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PROMISES), Serdes.String(),
                AcknowledgedComplaintSerde.serde()).withLoggingDisabled().build());
        promiseIndex = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PROMISE_DUE_INDEX), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build());
        resolutions = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RESOLUTION_CLOCKS), Serdes.String(),
                ResolutionClockSerde.serde()).withLoggingDisabled().build());
        resolutionIndex = init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RESOLUTION_DUE_INDEX), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build());
        init(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.REPLIES), Serdes.String(),
                RepliesSerde.serde()).withLoggingDisabled().build());
    }

    @AfterEach
    void close() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void aTaskStartedOnRestoredClocksEmitsEveryDuePointOnceFromTheRebuiltIndex() {
        // As a restore from the changelog leaves them: clocks, one of them reminded once already, and no index.
        clocks.put("a", open("a", T0));
        clocks.put("b", open("b", T0.plusSeconds(10)));
        OpenComplaint c = open("c", T0.minus(Duration.ofHours(1)));
        clocks.put("c", c.withClock(c.clock().catchUp(T0.plusSeconds(1)).clock()));

        start();

        assertThat(index.approximateNumEntries()).isEqualTo(3);
        punctuate(T0.plus(Duration.ofHours(1)).plusSeconds(5));
        assertThat(emitted()).extracting(ResponseDue::getComplaintId, ResponseDue::getKind, ResponseDue::getReminderNumber)
                .containsExactly(tuple("a", DueKind.BREACH, 1), tuple("c", DueKind.REPEAT, 2));
        context.resetForwards();
        punctuate(T0.plus(Duration.ofHours(1)).plusSeconds(10));
        assertThat(emitted()).extracting(ResponseDue::getComplaintId, ResponseDue::getReminderNumber).containsExactly(tuple("b", 1));
    }

    @Test
    void aResumedTaskKeepsNoIndexEntryThatItsClocksDoNotName() {
        clocks.put("a", open("a", T0));
        // Left from before a suspension: an entry at a due time the clock does not have, and one of a clock gone.
        index.put(indexKey(T0.plusSeconds(1), "a"), new byte[0]);
        index.put(indexKey(T0.plusSeconds(2), "gone"), new byte[0]);

        start();

        assertThat(index.approximateNumEntries()).isEqualTo(1);
        punctuate(T0.plus(Duration.ofMinutes(59)));
        assertThat(emitted()).isEmpty();
        punctuate(T0.plus(Duration.ofHours(1)));
        assertThat(emitted()).extracting(ResponseDue::getComplaintId).containsExactly("a");
    }

    @Test
    void aTaskStartedOnRestoredPromisesEmitsEachPromisePointOnceFromTheRebuiltIndex() {
        // As a restore leaves them: an acknowledged complaint promising an update by T0 + 1 h (made at T0 - 1 h, so its
        // warning at T0 + 30 min), one with no promise open, and stale index entries from before a suspension.
        promises.put("p", promised("p", T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1))));
        promises.put("q", acknowledged("q", T0.minus(Duration.ofHours(1))));
        promiseIndex.put(indexKey(T0.plusSeconds(1), "p"), new byte[0]);
        promiseIndex.put(indexKey(T0.plusSeconds(2), "gone"), new byte[0]);

        start();

        assertThat(promiseIndex.approximateNumEntries()).isEqualTo(1);
        punctuate(T0.plus(Duration.ofMinutes(29)));
        assertThat(emitted()).isEmpty();
        punctuate(T0.plus(Duration.ofMinutes(30)));
        punctuate(T0.plus(Duration.ofMinutes(45)));
        assertThat(emitted()).extracting(ResponseDue::getComplaintId, ResponseDue::getKind, ResponseDue::getReminderNumber)
                .containsExactly(tuple("p", DueKind.PROMISE_WARNING, 1));
        context.resetForwards();
        punctuate(T0.plus(Duration.ofHours(1)));
        assertThat(emitted()).extracting(ResponseDue::getKind, ResponseDue::getPromisedAt)
                .containsExactly(tuple(DueKind.PROMISE_BROKEN, T0.plus(Duration.ofHours(1))));
        assertThat(promises.get("p").ledger().broken()).isEqualTo(1);
    }

    @Test
    void aTaskStartedOnRestoredResolutionClocksEmitsTheirPointsOnceNumberedAfterTheOtherClocks() {
        // As a restore leaves them: "r" acknowledged after its first-response breach at T0 (one point), resolving within
        // 4 h of T0 - 2 h (warnings at T0 and T0 + 1 h, breach at T0 + 2 h), its first warning out; "s" resolved (stopped);
        // stale index entries from before a suspension.
        OpenComplaint breached = new OpenComplaint(SlaClock.start("r", RESOLVING, T0.minus(Duration.ofHours(1))),
                T0.minus(Duration.ofHours(1)), Severity.HIGH, "billing", null);
        SlaClock stopped = breached.clock().catchUp(T0).clock();
        promises.put("r", new AcknowledgedComplaint(breached.withClock(stopped), new EarlyAck(T0, "ana"), PromiseLedger.after(stopped, "ack-r"),
                T0.toEpochMilli()));
        resolutions.put("r", ResolutionClock.start("r", RESOLVING, T0.minus(Duration.ofHours(2))).catchUp(T0, 1).clock());
        resolutions.put("s", ResolutionClock.start("s", RESOLVING, T0.minus(Duration.ofHours(2))).resolve(T0, T0, 0).clock());
        resolutionIndex.put(indexKey(T0.plusSeconds(1), "s"), new byte[0]);
        resolutionIndex.put(indexKey(T0.plusSeconds(2), "gone"), new byte[0]);

        start();

        assertThat(resolutionIndex.approximateNumEntries()).isEqualTo(1);
        punctuate(T0.plus(Duration.ofHours(1)).minusMillis(1));
        assertThat(emitted()).isEmpty();
        punctuate(T0.plus(Duration.ofHours(1)));
        punctuate(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        // Number 3: the first response's breach and the first resolution warning went out before the restart.
        assertThat(emitted()).extracting(ResponseDue::getComplaintId, ResponseDue::getKind, ResponseDue::getReminderNumber,
                ResponseDue::getBreachAt).containsExactly(tuple("r", DueKind.RESOLUTION_WARNING, 3, T0.plus(Duration.ofHours(2))));
        assertThat(resolutions.get("r").pointsSent()).isEqualTo(2);
        assertThat(context.forwarded(ComplaintClockProcessor.STATE_SINK)).extracting(forward -> (ComplaintState) forward.record().value())
                .extracting(ComplaintState::getComplaintId, ComplaintState::getRemindersSent, ComplaintState::getResolutionDueAt)
                .containsExactly(tuple("r", 3, T0.plus(Duration.ofHours(2))));
    }

    @Test
    void aTaskStartedOnAComplaintWaitingOnTheCustomerClosesItOnceWhenItsAutoCloseFallsDue() {
        // As a restore leaves them: "w" waiting on the customer since T0 - 6 days under a 7-day auto-close, no index.
        OpenComplaint stopped = new OpenComplaint(SlaClock.start("w", POLICY.closingAfter(Duration.ofDays(7)),
                T0.minus(Duration.ofDays(7))), T0.minus(Duration.ofDays(7)), Severity.HIGH, "billing", null);
        Instant waited = T0.minus(Duration.ofDays(6));
        promises.put("w", new AcknowledgedComplaint(stopped, new EarlyAck(waited, "ana"), PromiseLedger.after(stopped.clock(), "ack-w"),
                waited.toEpochMilli()).with(Pause.NONE.begin(Pause.Wait.CUSTOMER, waited)));

        start();

        assertThat(promiseIndex.approximateNumEntries()).isEqualTo(1);
        punctuate(T0.plus(Duration.ofDays(1)).minusMillis(1));
        assertThat(context.forwarded(ComplaintClockProcessor.UPDATED_SINK)).isEmpty();
        punctuate(T0.plus(Duration.ofDays(1)));
        punctuate(T0.plus(Duration.ofDays(2)));
        assertThat(context.forwarded(ComplaintClockProcessor.UPDATED_SINK)).extracting(forward -> (ComplaintUpdated) forward.record().value())
                .extracting(ComplaintUpdated::getUpdateId, ComplaintUpdated::getUpdatedAt)
                .containsExactly(tuple("auto-close:w:1", T0.plus(Duration.ofDays(1))));
        assertThat(promises.get("w").resolution().automatic()).isTrue();
        assertThat(promiseIndex.approximateNumEntries()).isZero();
    }

    @Test
    void aTaskWithoutClocksStartsWithAnEmptyIndex() {
        index.put(indexKey(T0, "gone"), new byte[0]);

        start();

        assertThat(index.approximateNumEntries()).isZero();
        punctuate(T0.plus(Duration.ofDays(1)));
        assertThat(emitted()).isEmpty();
    }

    @Test
    void aPunctuationCatchesUpAtMostItsBoundOfClocksAndTheNextGoesOnWithTheRestEachOnce() {
        Instant allDue = sevenDueWithABoundOfThree();

        List<Integer> perPunctuation = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int round = 0; round < 4; round++) {
            punctuate(allDue);
            // Each clock is half an hour past its breach: its breach is due and nothing else (the repeat is at 2 h).
            perPunctuation.add(emitted().size());
            emitted().forEach(due -> ids.add(due.getComplaintId()));
            context.resetForwards();
        }

        assertThat(perPunctuation).containsExactly(3, 3, 1, 0);
        assertThat(ids).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
    }

    @Test
    void aPunctuationStoppedAtItsBoundWakesTheTaskRightAfterItToGoOnWithTheRest() {
        Instant allDue = sevenDueWithABoundOfThree();
        int scheduled = context.scheduledPunctuators().size();

        punctuate(allDue);
        assertThat(emitted()).hasSize(3);
        context.resetForwards();
        // Not the next regular punctuation, a second later: a one-off one at once, which goes on in the same way.
        var wake = context.scheduledPunctuators().get(scheduled);
        assertThat(wake.getInterval()).isEqualTo(Duration.ofMillis(1));
        wake.getPunctuator().punctuate(allDue.plusMillis(1).toEpochMilli());

        assertThat(wake.cancelled()).isTrue();
        assertThat(emitted()).extracting(ResponseDue::getComplaintId).containsExactly("k3", "k4", "k5");
        assertThat(context.scheduledPunctuators()).hasSize(scheduled + 2);
    }

    /** Starts the processor on seven clocks, all due at the returned time, catching up at most three per punctuation. */
    private Instant sevenDueWithABoundOfThree() {
        for (int i = 0; i < 7; i++) {
            clocks.put("k" + i, open("k" + i, T0.plusMillis(i)));
        }
        ClockSettings defaults = ClockSettings.defaults();
        start(new ClockSettings(defaults.punctuateInterval(), defaults.dedupeRetention(), defaults.earlyAckRetention(), 3));
        return T0.plus(Duration.ofMinutes(90));
    }

    private void start() {
        start(ClockSettings.defaults());
    }

    private void start(ClockSettings settings) {
        processor = new ComplaintClockProcessor(settings);
        processor.init(context);
    }

    private void punctuate(Instant at) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(at.toEpochMilli());
    }

    private List<ResponseDue> emitted() {
        return context.forwarded(ComplaintClockProcessor.RESPONSE_DUE_SINK).stream()
                .map(forward -> (ResponseDue) forward.record().value()).toList();
    }

    private static OpenComplaint open(String id, Instant startedAt) {
        return new OpenComplaint(SlaClock.start(id, POLICY, startedAt), startedAt, Severity.HIGH, "billing", null);
    }

    private static AcknowledgedComplaint acknowledged(String id, Instant at) {
        OpenComplaint stopped = open(id, at.minus(Duration.ofMinutes(10)));
        return new AcknowledgedComplaint(stopped, new EarlyAck(at, "ana"), PromiseLedger.after(stopped.clock(), "ack-" + id),
                at.toEpochMilli());
    }

    private static AcknowledgedComplaint promised(String id, Instant at, Instant promisedAt) {
        AcknowledgedComplaint acked = acknowledged(id, at);
        return acked.with(acked.ledger().promise("ack-" + id, POLICY, at, promisedAt, at).ledger());
    }

    // The index's key format (DueIndexKey), written out so the test does not share the code it checks.
    private static Bytes indexKey(Instant dueAt, String id) {
        byte[] raw = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + raw.length).putLong(dueAt.toEpochMilli()).put(raw).array());
    }

    private <S extends StateStore> S init(S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
