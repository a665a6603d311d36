package dev.heed.routing.topology.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The acknowledged complaints of one task with their promise ledgers, and an index of the open promises by next due
 * time, kept in step as {@link ClockStore} keeps the first-response clocks: every complaint with an open promise has
 * exactly one index entry, at its promise's next due point; one without has none.
 *
 * <p>Only the complaints are changelogged; the index is derived from them, in memory, and {@link #rebuildIndex()}
 * rebuilds it whenever the task starts. A complaint is kept until it is resolved, promise or not, so that a later update
 * can promise again and a resolution finds it; {@link #forgetIdle} drops a resolved one with no promise open a
 * retention after its last event (a reopening within that retention still finds it).
 */
public final class PromiseStore {

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<String, AcknowledgedComplaint> complaints;
    private final KeyValueStore<Bytes, byte[]> index;

    public PromiseStore(KeyValueStore<String, AcknowledgedComplaint> complaints, KeyValueStore<Bytes, byte[]> index) {
        this.complaints = complaints;
        this.index = index;
    }

    /** Makes the index hold one entry per open promise (clearing what a resumed task kept); returns how many. */
    public long rebuildIndex() {
        List<Bytes> stale = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(index::delete);
        long open = 0;
        try (KeyValueIterator<String, AcknowledgedComplaint> all = complaints.all()) {
            while (all.hasNext()) {
                AcknowledgedComplaint complaint = all.next().value;
                if (complaint.nextDueAt() != null) {
                    index.put(indexKey(complaint), NOTHING);
                    open++;
                }
            }
        }
        return open;
    }

    public AcknowledgedComplaint get(String id) {
        return complaints.get(id);
    }

    /** Stores {@code next} in place of {@code previous} (null for a new one), moving its index entry. */
    public void put(AcknowledgedComplaint previous, AcknowledgedComplaint next) {
        if (previous != null && previous.nextDueAt() != null) {
            index.delete(indexKey(previous));
        }
        complaints.put(next.id(), next);
        if (next.nextDueAt() != null) {
            index.put(indexKey(next), NOTHING);
        }
    }

    /** Drops an index entry whose promise is gone; only a bug or a hand-edited store leaves one behind. */
    public void dropIndexEntry(Bytes key) {
        index.delete(key);
    }

    /** Up to {@code max} index keys due at or before {@code now}, earliest first; the iterator is closed before any change. */
    public List<Bytes> due(Instant now, int max) {
        List<Bytes> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.range(DueIndexKey.first(), DueIndexKey.lastDueAt(now))) {
            while (entries.hasNext() && due.size() < max) {
                due.add(entries.next().key);
            }
        }
        return due;
    }

    /**
     * Deletes the resolved complaints with no open promise whose last event (record time) is before {@code before};
     * returns how many. Unresolved ones stay, however old: they are open until an agent resolves them. A scan of the whole store, run rarely (on stream time, a quarter of the retention apart).
     */
    public int forgetIdle(long before) {
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, AcknowledgedComplaint> all = complaints.all()) {
            while (all.hasNext()) {
                KeyValue<String, AcknowledgedComplaint> entry = all.next();
                if (entry.value.resolution().resolved() && entry.value.nextDueAt() == null && entry.value.lastEventAt() < before) {
                    idle.add(entry.key);
                }
            }
        }
        idle.forEach(complaints::delete);
        return idle.size();
    }

    private static Bytes indexKey(AcknowledgedComplaint complaint) {
        return DueIndexKey.of(complaint.nextDueAt(), complaint.id());
    }
}
