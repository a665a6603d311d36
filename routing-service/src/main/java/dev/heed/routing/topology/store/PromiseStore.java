package dev.heed.routing.topology.store;

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
public final class PromiseStore extends DueIndexedStore<AcknowledgedComplaint> {

    public PromiseStore(KeyValueStore<String, AcknowledgedComplaint> complaints, KeyValueStore<Bytes, byte[]> index) {
        super(complaints, index, AcknowledgedComplaint::id, AcknowledgedComplaint::nextDueAt);
    }

    /**
     * Deletes the resolved complaints with no open promise whose last event (record time) is before {@code before};
     * returns their ids. Unresolved ones stay, however old: they are open until an agent resolves them. A scan of the
     * whole store, run rarely (on stream time, a quarter of the retention apart).
     */
    public List<String> forgetIdle(long before) {
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, AcknowledgedComplaint> all = all()) {
            while (all.hasNext()) {
                KeyValue<String, AcknowledgedComplaint> entry = all.next();
                if (entry.value.resolution().resolved() && entry.value.nextDueAt() == null && entry.value.lastEventAt() < before) {
                    idle.add(entry.key);
                }
            }
        }
        idle.forEach(id -> delete(get(id)));
        return idle;
    }
}
