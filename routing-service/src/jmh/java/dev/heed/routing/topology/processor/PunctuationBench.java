package dev.heed.routing.topology.processor;

import dev.heed.events.Severity;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.store.ClockStore;
import dev.heed.routing.topology.store.EarlyAcks;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.OpenComplaintSerde;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Times one SLA punctuation of the real {@link ComplaintClockProcessor} over its real stores (RocksDB clocks, the
 * in-memory due index) holding {@code open} clocks, of which {@code due} fall due per punctuation. Not a test: run by the bench profile.
 */
public final class PunctuationBench {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SlaPolicy POLICY = new SlaPolicy("bench", 1, Duration.ofHours(1), List.of(), Duration.ofHours(1), 2);

    private PunctuationBench() {
    }

    /** Median nanoseconds of one punctuation emitting {@code due} events, over {@code rounds} after a warm-up. */
    public static long medianNanos(int open, int due, int rounds, Path stateDir) {
        var context = new MockProcessorContext<String, Object>(new Properties(), new TaskId(0, 0), stateDir.toFile());
        KeyValueStore<String, OpenComplaint> clocks = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.OPEN_CLOCKS), Serdes.String(), OpenComplaintSerde.serde())
                .withLoggingDisabled().build());
        KeyValueStore<Bytes, byte[]> index = init(context, Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.DUE_INDEX), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        init(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EARLY_ACKS), Serdes.String(),
                EarlyAcks.Remembered.serde()).withLoggingDisabled().build());
        ComplaintClockProcessor processor = new ComplaintClockProcessor(ClockSettings.defaults());
        processor.init(context);
        int warmup = 5;
        load(new ClockStore(clocks, index), open, due, warmup + rounds);
        clocks.flush();
        index.flush();
        var punctuator = context.scheduledPunctuators().get(0).getPunctuator();
        long[] nanos = new long[rounds];
        for (int round = 0; round < warmup + rounds; round++) {
            long started = System.nanoTime();
            punctuator.punctuate(T0.plusSeconds(round).toEpochMilli());
            long took = System.nanoTime() - started;
            int emitted = context.forwarded(ComplaintClockProcessor.RESPONSE_DUE_SINK).size();
            if (emitted != due) {
                throw new IllegalStateException("round " + round + " emitted " + emitted + ", expected " + due);
            }
            context.resetForwards();
            if (round >= warmup) {
                nanos[round - warmup] = took;
            }
        }
        processor.close();
        clocks.close();
        index.close();
        Arrays.sort(nanos);
        return nanos[rounds / 2];
    }

    /**
     * What a task start costs with {@code open} clocks: milliseconds to rebuild the due index from a RocksDB clock
     * store, and the index's heap in MiB (used heap after a GC, with and without it: approximate).
     */
    public static double[] rebuild(int open, Path stateDir) {
        var context = new MockProcessorContext<String, Object>(new Properties(), new TaskId(0, 0), stateDir.toFile());
        KeyValueStore<String, OpenComplaint> clocks = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.OPEN_CLOCKS), Serdes.String(), OpenComplaintSerde.serde())
                .withLoggingDisabled().build());
        KeyValueStore<Bytes, byte[]> loadIndex = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("load-index"),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        loadIndex.init(context.getStateStoreContext(), loadIndex);
        load(new ClockStore(clocks, loadIndex), open, 0, 0);
        loadIndex.close();
        clocks.flush();
        long before = usedHeap();
        KeyValueStore<Bytes, byte[]> index = init(context, Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.DUE_INDEX), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        long started = System.nanoTime();
        long rebuilt = new ClockStore(clocks, index).rebuildIndex();
        long took = System.nanoTime() - started;
        long after = usedHeap();
        if (rebuilt != open || index.approximateNumEntries() != open) {
            throw new IllegalStateException("rebuilt " + rebuilt + " index entries, expected " + open);
        }
        index.close();
        clocks.close();
        return new double[] {took / 1e6, (after - before) / (1024.0 * 1024.0)};
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    // Round r's clocks breach at T0 + r s; every other clock is due days later. All repeat hourly, so a
    // clock emitted in one round is not due again within the run.
    private static void load(ClockStore store, int open, int due, int rounds) {
        int background = open - due * rounds;
        if (background < 0) {
            throw new IllegalArgumentException("open must be at least due x rounds");
        }
        for (int i = 0; i < background; i++) {
            store.start(complaint("idle-" + i, T0.plus(Duration.ofDays(10))));
        }
        for (int round = 0; round < rounds; round++) {
            Instant escalatedAt = T0.minus(POLICY.firstResponse()).plusSeconds(round);
            for (int i = 0; i < due; i++) {
                store.start(complaint("due-" + round + "-" + i, escalatedAt));
            }
        }
    }

    private static OpenComplaint complaint(String id, Instant escalatedAt) {
        return new OpenComplaint(SlaClock.start(id, POLICY, escalatedAt), escalatedAt, Severity.HIGH, "billing", null);
    }

    @SuppressWarnings("unchecked")
    private static <S extends StateStore> S init(MockProcessorContext<?, ?> context, S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
