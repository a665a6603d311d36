package dev.heed.routing.topology.store;

import org.apache.kafka.common.utils.Bytes;
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
public final class ClockStore extends DueIndexedStore<OpenComplaint> {

    public ClockStore(KeyValueStore<String, OpenComplaint> open, KeyValueStore<Bytes, byte[]> index) {
        super(open, index, OpenComplaint::id, complaint -> complaint.clock().nextDueAt());
    }

    public void start(OpenComplaint complaint) {
        put(null, complaint);
    }

    /** Replaces {@code previous} by {@code next}, moving its index entry to the new due time. */
    public void advance(OpenComplaint previous, OpenComplaint next) {
        put(previous, next);
    }

    public void stop(OpenComplaint complaint) {
        delete(complaint);
    }
}
