package dev.heed.routing.topology.store;

import dev.heed.events.Severity;
import dev.heed.routing.sla.BusinessCalendar;
import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.ResolutionTarget;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Format 3 appends the policy's business calendar, whole (a complaint keeps the calendar it started with, as it
 * keeps its policy); formats 1 and 2 ran all the time. Format 4 appends when the last emitted point fell due (-1
 * before any), from which the next repeat is counted; a clock read from an older format counts it from its start once.
 * Format 5 appends the policy's resolution target (a zero byte when it has none, as every older format had). Format 6
 * appends the policy's auto-close in milliseconds (-1 when it has none, as every older format had).
 */
public final class OpenComplaintSerde {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT_2 = 2;
    private static final byte FORMAT_3 = 3;
    private static final byte FORMAT_4 = 4;
    private static final byte FORMAT_5 = 5;
    private static final byte FORMAT_6 = 6;

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
            out.writeByte(FORMAT_6);
            out.writeUTF(clock.complaintId());
            writePolicy(out, policy);
            out.writeLong(clock.startedAt().toEpochMilli());
            out.writeInt(clock.remindersSent());
            out.writeByte(clock.level().ordinal());
            out.writeLong(clock.lastReminderAt() == null ? -1 : clock.lastReminderAt().toEpochMilli());
            out.writeUTF(value.severity().name());
            out.writeUTF(value.queue());
            out.writeUTF(value.traceId() == null ? "" : value.traceId());
            out.writeLong(value.escalatedAt().toEpochMilli());
            writeCalendar(out, policy.calendar());
            out.writeLong(clock.lastDueAt() == null ? -1 : clock.lastDueAt().toEpochMilli());
            writeResolution(out, policy.resolution());
            out.writeLong(policy.autoClose() == null ? -1 : policy.autoClose().toMillis());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenComplaint read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format < FORMAT_1 || format > FORMAT_6) {
                throw new SerializationException("unknown open-complaint format " + format);
            }
            String id = in.readUTF();
            SlaPolicy policy = readPolicy(in);
            Instant startedAt = Instant.ofEpochMilli(in.readLong());
            int remindersSent = in.readInt();
            Level level = Level.values()[in.readByte()];
            long last = in.readLong();
            Severity severity = Severity.valueOf(in.readUTF());
            String queue = in.readUTF();
            String traceId = in.readUTF();
            Instant escalatedAt = format == FORMAT_1 ? startedAt : Instant.ofEpochMilli(in.readLong());
            if (format >= FORMAT_3) {
                policy = policy.in(readCalendar(in));
            }
            long lastDue = format >= FORMAT_4 ? in.readLong() : -1;
            if (format >= FORMAT_5) {
                policy = policy.resolving(readResolution(in));
            }
            if (format >= FORMAT_6) {
                long autoClose = in.readLong();
                policy = policy.closingAfter(autoClose < 0 ? null : Duration.ofMillis(autoClose));
            }
            SlaClock clock = new SlaClock(id, policy, startedAt, remindersSent, level, last < 0 ? null : Instant.ofEpochMilli(last),
                    lastDue < 0 ? null : Instant.ofEpochMilli(lastDue));
            return new OpenComplaint(clock, escalatedAt, severity, queue, traceId.isEmpty() ? null : traceId);
        } catch (IOException e) {
            throw new SerializationException("corrupt open-complaint record", e);
        }
    }

    /** A policy's name, version, target, warnings, repeat and climb; neither its calendar nor its resolution target. */
    static void writePolicy(DataOutputStream out, SlaPolicy policy) throws IOException {
        out.writeUTF(policy.name());
        out.writeInt(policy.version());
        out.writeLong(policy.firstResponse().toMillis());
        writeFractions(out, policy.warningFractions());
        out.writeLong(policy.repeatEvery().toMillis());
        out.writeInt(policy.remindersPerLevel());
    }

    private static void writeFractions(DataOutputStream out, List<Double> fractions) throws IOException {
        out.writeByte(fractions.size());
        for (double fraction : fractions) {
            out.writeDouble(fraction);
        }
    }

    private static List<Double> readFractions(DataInputStream in) throws IOException {
        int count = in.readByte();
        List<Double> fractions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fractions.add(in.readDouble());
        }
        return fractions;
    }

    private static void writeResolution(DataOutputStream out, ResolutionTarget target) throws IOException {
        out.writeBoolean(target != null);
        if (target != null) {
            out.writeLong(target.target().toMillis());
            writeFractions(out, target.warningFractions());
            out.writeLong(target.repeatEvery().toMillis());
        }
    }

    private static ResolutionTarget readResolution(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new ResolutionTarget(Duration.ofMillis(in.readLong()), readFractions(in), Duration.ofMillis(in.readLong()));
    }

    // ALWAYS as one byte, since most policies have no calendar and every clock carries its own.
    static void writeCalendar(DataOutputStream out, BusinessCalendar calendar) throws IOException {
        if (calendar == BusinessCalendar.ALWAYS) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        out.writeUTF(calendar.name());
        out.writeUTF(calendar.zone().getId());
        out.writeByte(calendar.week().size());
        for (Map.Entry<DayOfWeek, List<BusinessCalendar.Opening>> day : calendar.week().entrySet()) {
            out.writeByte(day.getKey().getValue());
            out.writeByte(day.getValue().size());
            for (BusinessCalendar.Opening opening : day.getValue()) {
                out.writeInt(opening.start().toSecondOfDay());
                out.writeInt(opening.end() == null ? -1 : opening.end().toSecondOfDay());
            }
        }
        out.writeInt(calendar.holidays().size());
        for (LocalDate holiday : new TreeSet<>(calendar.holidays())) {
            out.writeLong(holiday.toEpochDay());
        }
    }

    static BusinessCalendar readCalendar(DataInputStream in) throws IOException {
        if (in.readByte() == 0) {
            return BusinessCalendar.ALWAYS;
        }
        String name = in.readUTF();
        ZoneId zone = ZoneId.of(in.readUTF());
        Map<DayOfWeek, List<BusinessCalendar.Opening>> week = new EnumMap<>(DayOfWeek.class);
        int days = in.readByte();
        for (int d = 0; d < days; d++) {
            DayOfWeek day = DayOfWeek.of(in.readByte());
            int count = in.readByte();
            List<BusinessCalendar.Opening> openings = new ArrayList<>(count);
            for (int o = 0; o < count; o++) {
                LocalTime start = LocalTime.ofSecondOfDay(in.readInt());
                int end = in.readInt();
                openings.add(new BusinessCalendar.Opening(start, end < 0 ? null : LocalTime.ofSecondOfDay(end)));
            }
            week.put(day, openings);
        }
        int holidays = in.readInt();
        Set<LocalDate> closed = new HashSet<>(holidays);
        for (int h = 0; h < holidays; h++) {
            closed.add(LocalDate.ofEpochDay(in.readLong()));
        }
        return new BusinessCalendar(name, zone, week, closed);
    }

    /** What {@link #writePolicy} wrote: a policy that runs all the time, with no resolution target. */
    static SlaPolicy readPolicy(DataInputStream in) throws IOException {
        String name = in.readUTF();
        int version = in.readInt();
        Duration target = Duration.ofMillis(in.readLong());
        List<Double> fractions = readFractions(in);
        return new SlaPolicy(name, version, target, fractions, Duration.ofMillis(in.readLong()), in.readInt());
    }
}
