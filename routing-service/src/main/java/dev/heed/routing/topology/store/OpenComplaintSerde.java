package dev.heed.routing.topology.store;

import dev.heed.events.Severity;
import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state-store format of an {@link OpenComplaint}: a format byte, then the fields in a fixed order. It is
 * internal to this service (store and changelog only), so it needs no registry; a new field means a new
 * format byte, and the reader keeps reading the old ones. Format 2 appends {@code escalatedAt}; format 1 had
 * none, since the clock then started when the complaint was escalated, so its clock start stands in for it.
 */
public final class OpenComplaintSerde {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT_2 = 2;

    private OpenComplaintSerde() {
    }

    public static Serde<OpenComplaint> serde() {
        return Serdes.serdeFrom(serializer(), deserializer());
    }

    private static Serializer<OpenComplaint> serializer() {
        return (topic, value) -> value == null ? null : write(value);
    }

    private static Deserializer<OpenComplaint> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(OpenComplaint value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(128); DataOutputStream out = new DataOutputStream(bytes)) {
            SlaClock clock = value.clock();
            SlaPolicy policy = clock.policy();
            out.writeByte(FORMAT_2);
            out.writeUTF(clock.complaintId());
            out.writeUTF(policy.name());
            out.writeInt(policy.version());
            out.writeLong(policy.firstResponse().toMillis());
            out.writeByte(policy.warningFractions().size());
            for (double fraction : policy.warningFractions()) {
                out.writeDouble(fraction);
            }
            out.writeLong(policy.repeatEvery().toMillis());
            out.writeInt(policy.remindersPerLevel());
            out.writeLong(clock.startedAt().toEpochMilli());
            out.writeInt(clock.remindersSent());
            out.writeByte(clock.level().ordinal());
            out.writeLong(clock.lastReminderAt() == null ? -1 : clock.lastReminderAt().toEpochMilli());
            out.writeUTF(value.severity().name());
            out.writeUTF(value.queue());
            out.writeUTF(value.traceId() == null ? "" : value.traceId());
            out.writeLong(value.escalatedAt().toEpochMilli());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenComplaint read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1 && format != FORMAT_2) {
                throw new SerializationException("unknown open-complaint format " + format);
            }
            String id = in.readUTF();
            SlaPolicy policy = readPolicy(in);
            Instant startedAt = Instant.ofEpochMilli(in.readLong());
            int remindersSent = in.readInt();
            Level level = Level.values()[in.readByte()];
            long last = in.readLong();
            SlaClock clock = new SlaClock(id, policy, startedAt, remindersSent, level, last < 0 ? null : Instant.ofEpochMilli(last));
            Severity severity = Severity.valueOf(in.readUTF());
            String queue = in.readUTF();
            String traceId = in.readUTF();
            Instant escalatedAt = format == FORMAT_1 ? startedAt : Instant.ofEpochMilli(in.readLong());
            return new OpenComplaint(clock, escalatedAt, severity, queue, traceId.isEmpty() ? null : traceId);
        } catch (IOException e) {
            throw new SerializationException("corrupt open-complaint record", e);
        }
    }

    private static SlaPolicy readPolicy(DataInputStream in) throws IOException {
        String name = in.readUTF();
        int version = in.readInt();
        Duration target = Duration.ofMillis(in.readLong());
        int warnings = in.readByte();
        List<Double> fractions = new ArrayList<>(warnings);
        for (int i = 0; i < warnings; i++) {
            fractions.add(in.readDouble());
        }
        return new SlaPolicy(name, version, target, fractions, Duration.ofMillis(in.readLong()), in.readInt());
    }
}
