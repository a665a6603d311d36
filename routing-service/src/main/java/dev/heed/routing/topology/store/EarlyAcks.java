package dev.heed.routing.topology.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * An acknowledgement and the time of the record it came in. Stored (since 2026-12-07) as a zero byte, the
     * format number 2, and then the record's time, the acknowledgement's time, its agent, its id and the update it
     * promised (binary, so that an agent or an id may hold any character). Read also in the first format, the text
     * {@code recordMillis ackMillis agent} (which never starts with a zero byte), as a changelog written before
     * holds it: such an acknowledgement has no id and promised nothing that the store knows.
     */
    public record Remembered(long at, EarlyAck ack) {

        private static final int FORMAT = 2;
        private static final long NONE = Long.MIN_VALUE;

        public static Serde<Remembered> serde() {
            return Serdes.serdeFrom((topic, kept) -> kept == null ? null : write(kept),
                    (topic, bytes) -> bytes == null ? null : read(bytes));
        }

        static byte[] write(Remembered kept) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(0);
                out.writeByte(FORMAT);
                out.writeLong(kept.at);
                out.writeLong(kept.ack.at().toEpochMilli());
                out.writeUTF(kept.ack.agent());
                out.writeBoolean(kept.ack.acknowledgementId() != null);
                if (kept.ack.acknowledgementId() != null) {
                    out.writeUTF(kept.ack.acknowledgementId());
                }
                out.writeLong(kept.ack.nextUpdateBy() == null ? NONE : kept.ack.nextUpdateBy().toEpochMilli());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static Remembered read(byte[] bytes) {
            if (bytes.length == 0 || bytes[0] != 0) {
                return parse(new String(bytes, StandardCharsets.UTF_8));
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                in.readByte();
                int format = in.readByte();
                if (format != FORMAT) {
                    throw new IllegalStateException("early acknowledgement stored in unknown format " + format);
                }
                long at = in.readLong();
                Instant ackAt = Instant.ofEpochMilli(in.readLong());
                String agent = in.readUTF();
                String id = in.readBoolean() ? in.readUTF() : null;
                long promised = in.readLong();
                return new Remembered(at, new EarlyAck(ackAt, agent, id, promised == NONE ? null : Instant.ofEpochMilli(promised)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Remembered parse(String text) {
            int first = text.indexOf(' ');
            int second = text.indexOf(' ', first + 1);
            return new Remembered(Long.parseLong(text.substring(0, first)),
                    new EarlyAck(Instant.ofEpochMilli(Long.parseLong(text.substring(first + 1, second))), text.substring(second + 1)));
        }
    }
}
