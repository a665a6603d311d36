package dev.heed.routing.topology.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Acknowledgements that found no running clock, kept for a retention so that an escalation arriving after its
 * acknowledgement never starts a clock.
 *
 * <p>A key-value store, not a window store: under Kafka Streams 4.3 a segmented (window) store keeps its committed
 * changelog offset inside its segments, so one with no segment (this store is almost always empty) reports no
 * offset after a clean close, and exactly-once then treats the whole task as corrupted and wipes and restores it at
 * every start. A key-value store keeps its offset whatever it holds. The price is {@link #forgetBefore}, a scan of
 * this small store, which the clock processor runs on stream time.
 */
public final class EarlyAcks {

    private final KeyValueStore<String, Remembered> store;
    private final long retentionMs;

    public EarlyAcks(KeyValueStore<String, Remembered> store, Duration retention) {
        this.store = store;
        this.retentionMs = retention.toMillis();
    }

    /** Remembers {@code ack} at {@code at} (the record's time), unless an acknowledgement still within the retention is kept. */
    public void remember(String complaintId, EarlyAck ack, long at) {
        if (find(complaintId, at) == null) {
            store.put(complaintId, new Remembered(at, ack));
        }
    }

    /** The acknowledgement of {@code complaintId} remembered within the retention either side of {@code at}, or null. */
    public EarlyAck find(String complaintId, long at) {
        Remembered kept = store.get(complaintId);
        return kept == null || Math.abs(at - kept.at()) > retentionMs ? null : kept.ack();
    }

    /** Deletes what was remembered more than the retention before {@code now} (stream time); returns how many. */
    public int forgetBefore(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Remembered> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Remembered> entry = all.next();
                if (entry.value.at() < now - retentionMs) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
        return expired.size();
    }

    /** An acknowledgement and the time of the record it came in, stored as {@code recordMillis ackMillis agent}. */
    public record Remembered(long at, EarlyAck ack) {

        public static Serde<Remembered> serde() {
            return Serdes.serdeFrom(
                    (topic, kept) -> kept == null ? null
                            : (kept.at + " " + kept.ack.at().toEpochMilli() + " " + kept.ack.agent()).getBytes(StandardCharsets.UTF_8),
                    (topic, bytes) -> bytes == null ? null : parse(new String(bytes, StandardCharsets.UTF_8)));
        }

        private static Remembered parse(String text) {
            int first = text.indexOf(' ');
            int second = text.indexOf(' ', first + 1);
            return new Remembered(Long.parseLong(text.substring(0, first)),
                    new EarlyAck(Instant.ofEpochMilli(Long.parseLong(text.substring(first + 1, second))), text.substring(second + 1)));
        }
    }
}
