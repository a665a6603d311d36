package dev.heed.routing.topology.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open clocks of one task: a store by complaint id and an index by next due time, kept in step. Every
 * open complaint has exactly one index entry, at its clock's next due point.
 *
 * <p>Only the clocks are changelogged. The index is derived from them (each clock names its next due time), so it
 * lives in memory without a changelog and {@link #rebuildIndex()} rebuilds it from the restored clocks whenever
 * the task starts: a changelog of its own would cost a second write per started, advanced or stopped clock
 * (a put and a delete per advance) for nothing the clocks do not already say.
 */
public final class ClockStore {

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<String, OpenComplaint> open;
    private final KeyValueStore<Bytes, byte[]> index;

    public ClockStore(KeyValueStore<String, OpenComplaint> open, KeyValueStore<Bytes, byte[]> index) {
        this.open = open;
        this.index = index;
    }

    /**
     * Makes the index hold exactly one entry per open clock, at its next due time: clears whatever it held (a
     * task resumed after a suspension keeps its in-memory stores) and reads every clock once. Returns the number
     * of open clocks.
     */
    public long rebuildIndex() {
        List<Bytes> stale = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(index::delete);
        long count = 0;
        try (KeyValueIterator<String, OpenComplaint> all = open.all()) {
            while (all.hasNext()) {
                index.put(indexKey(all.next().value), NOTHING);
                count++;
            }
        }
        return count;
    }

    public OpenComplaint get(String id) {
        return open.get(id);
    }

    public void start(OpenComplaint complaint) {
        open.put(complaint.id(), complaint);
        index.put(indexKey(complaint), NOTHING);
    }

    /** Replaces {@code previous} by {@code next}, moving its index entry to the new due time. */
    public void advance(OpenComplaint previous, OpenComplaint next) {
        index.delete(indexKey(previous));
        start(next);
    }

    public void stop(OpenComplaint complaint) {
        index.delete(indexKey(complaint));
        open.delete(complaint.id());
    }

    /** Drops an index entry whose clock is gone; only a bug or a hand-edited store leaves one behind. */
    public void dropIndexEntry(Bytes key) {
        index.delete(key);
    }

    /**
     * Up to {@code max} index keys due at or before {@code now}, earliest first. Collected and the iterator
     * closed before anything is changed, so no store is written while one of its iterators is open.
     */
    public List<Bytes> due(Instant now, int max) {
        List<Bytes> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.range(DueIndexKey.first(), DueIndexKey.lastDueAt(now))) {
            while (entries.hasNext() && due.size() < max) {
                KeyValue<Bytes, byte[]> entry = entries.next();
                due.add(entry.key);
            }
        }
        return due;
    }

    private static Bytes indexKey(OpenComplaint complaint) {
        return DueIndexKey.of(complaint.clock().nextDueAt(), complaint.id());
    }
}
