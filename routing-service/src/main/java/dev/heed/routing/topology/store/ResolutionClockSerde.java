package dev.heed.routing.topology.store;

import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.ResolutionClock;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The state-store format of a {@link ResolutionClock}: a format byte, the complaint id, the resolution policy whole (as
 * {@link OpenComplaintSerde} writes a policy, calendar included: a running clock keeps the target it started with), the
 * current run's counts and times, whether it runs, the earlier runs' points and breaches, and when it was paused. Internal to this service;
 * a new field means a new format byte, and the reader keeps reading the old ones.
 */
public final class ResolutionClockSerde {

    private static final byte FORMAT_1 = 1;
    /** Format 2 (2026-12-07) adds when a running clock was paused (-1: it is not), after the earlier runs' counts. */
    private static final byte FORMAT_2 = 2;

    private ResolutionClockSerde() {
    }

    public static Serde<ResolutionClock> serde() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(ResolutionClock value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(96); DataOutputStream out = new DataOutputStream(bytes)) {
            SlaClock run = value.run();
            out.writeByte(FORMAT_2);
            out.writeUTF(run.complaintId());
            OpenComplaintSerde.writePolicy(out, run.policy());
            OpenComplaintSerde.writeCalendar(out, run.policy().calendar());
            out.writeLong(run.startedAt().toEpochMilli());
            out.writeInt(run.remindersSent());
            out.writeByte(run.level().ordinal());
            AcknowledgedComplaintSerde.writeTime(out, run.lastReminderAt());
            AcknowledgedComplaintSerde.writeTime(out, run.lastDueAt());
            out.writeBoolean(value.running());
            out.writeInt(value.earlierPoints());
            out.writeInt(value.earlierBreaches());
            AcknowledgedComplaintSerde.writeTime(out, value.pausedSince());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResolutionClock read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1 && format != FORMAT_2) {
                throw new SerializationException("unknown resolution-clock format " + format);
            }
            String id = in.readUTF();
            SlaPolicy policy = OpenComplaintSerde.readPolicy(in);
            policy = policy.in(OpenComplaintSerde.readCalendar(in));
            SlaClock run = new SlaClock(id, policy, Instant.ofEpochMilli(in.readLong()), in.readInt(), Level.values()[in.readByte()],
                    AcknowledgedComplaintSerde.readTime(in), AcknowledgedComplaintSerde.readTime(in));
            boolean running = in.readBoolean();
            int earlierPoints = in.readInt();
            int earlierBreaches = in.readInt();
            return new ResolutionClock(run, running, earlierPoints, earlierBreaches,
                    format >= FORMAT_2 ? AcknowledgedComplaintSerde.readTime(in) : null);
        } catch (IOException e) {
            throw new SerializationException("corrupt resolution-clock record", e);
        }
    }
}
