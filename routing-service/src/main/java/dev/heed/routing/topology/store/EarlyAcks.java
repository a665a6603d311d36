package dev.heed.routing.topology.store;

import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Acknowledgements that found no running clock, kept for a retention so that an escalation arriving after its
 * acknowledgement never starts a clock. A window store: expired entries leave with whole segments, no scan.
 */
public final class EarlyAcks {

    private final WindowStore<String, EarlyAck> store;
    private final long retentionMs;

    public EarlyAcks(WindowStore<String, EarlyAck> store, Duration retention) {
        this.store = store;
        this.retentionMs = retention.toMillis();
    }

    public void remember(String complaintId, EarlyAck ack, long at) {
        store.put(complaintId, ack, at);
    }

    /** The acknowledgement of {@code complaintId} remembered within the retention either side of {@code at}, or null. */
    public EarlyAck find(String complaintId, long at) {
        try (WindowStoreIterator<EarlyAck> acks = store.fetch(complaintId, Math.max(0, at - retentionMs), at + retentionMs)) {
            return acks.hasNext() ? acks.next().value : null;
        }
    }
}
