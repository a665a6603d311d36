package dev.heed.routing.topology.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Values by complaint id and an index of them by next due time, kept in step as {@link ClockStore} keeps the
 * first-response clocks: every value with a next due time has exactly one index entry, at that time; one without has
 * none. Only the values are changelogged; the index is derived from them, in memory, and {@link #rebuildIndex()}
 * rebuilds it whenever the task starts.
 *
 * @param <V> what is kept per complaint
 */
public class DueIndexedStore<V> {

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<String, V> values;
    private final KeyValueStore<Bytes, byte[]> index;
    private final Function<V, String> id;
    private final Function<V, Instant> nextDueAt;
    private LongConsumer indexed = dueAt -> { };

    /** Keeps {@code values} indexed in {@code index} by {@code nextDueAt} (null: not due at all), keyed by {@code id}. */
    public DueIndexedStore(KeyValueStore<String, V> values, KeyValueStore<Bytes, byte[]> index, Function<V, String> id,
                           Function<V, Instant> nextDueAt) {
        this.values = values;
        this.index = index;
        this.id = id;
        this.nextDueAt = nextDueAt;
    }

    /** Makes the index hold one entry per value with a next due time (clearing what a resumed task kept); returns how many. */
    public long rebuildIndex() {
        List<Bytes> stale = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(index::delete);
        long due = 0;
        try (KeyValueIterator<String, V> all = values.all()) {
            while (all.hasNext()) {
                V value = all.next().value;
                if (nextDueAt.apply(value) != null) {
                    index.put(indexKey(value), NOTHING);
                    due++;
                }
            }
        }
        return due;
    }

    /** Tells {@code listener} the due time (epoch millis) of every entry indexed from now on, as it is indexed. */
    public void onIndexed(LongConsumer listener) {
        this.indexed = listener;
    }

    public V get(String key) {
        return values.get(key);
    }

    /** Stores {@code next} in place of {@code previous} (null for a new one), moving its index entry. */
    public void put(V previous, V next) {
        if (previous != null && nextDueAt.apply(previous) != null) {
            index.delete(indexKey(previous));
        }
        values.put(id.apply(next), next);
        Instant due = nextDueAt.apply(next);
        if (due != null) {
            index.put(DueIndexKey.of(due, id.apply(next)), NOTHING);
            indexed.accept(due.toEpochMilli());
        }
    }

    /** Deletes {@code previous} and its index entry. */
    public void delete(V previous) {
        if (nextDueAt.apply(previous) != null) {
            index.delete(indexKey(previous));
        }
        values.delete(id.apply(previous));
    }

    /** Drops an index entry whose value is gone; only a bug or a hand-edited store leaves one behind. */
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
     * The earliest due time in the index after {@code after} and before {@code before} (epoch millis), or -1 when there
     * is none. Keep the window short: the in-memory store copies the keys of a range before iterating them.
     */
    public long firstDueBetween(long after, long before) {
        if (before <= after + 1) {
            return -1;
        }
        try (KeyValueIterator<Bytes, byte[]> entries = index.range(DueIndexKey.before(after + 1), DueIndexKey.before(before))) {
            return entries.hasNext() ? DueIndexKey.dueAt(entries.next().key) : -1;
        }
    }

    /** Every value, for a scan; the caller closes the iterator before changing the store. */
    protected KeyValueIterator<String, V> all() {
        return values.all();
    }

    private Bytes indexKey(V value) {
        return DueIndexKey.of(nextDueAt.apply(value), id.apply(value));
    }
}
