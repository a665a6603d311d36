package dev.heed.routing.topology.store;

import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseClock;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.Resolution;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.verdict.CustomerVerdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The state-store format of an {@link AcknowledgedComplaint}: a format byte, the complaint in its own
 * {@link OpenComplaintSerde} format (length-prefixed, so it evolves on its own), then the acknowledgement, the ledger
 * and the open promise, if any, then the resolution, then the customer's last verdict, if any, then the pause, then
 * whether the resolution was automatic and since when the complaint waits on what it waits on now. The promise's policy is the complaint's, so it is not written twice. Internal to this
 * service; a new field means a new format byte, and the reader keeps reading the old ones.
 */
public final class AcknowledgedComplaintSerde {

    private static final byte FORMAT_1 = 1;
    /** Format 2 (2026-12-07) keeps the ledger's last applied ids, not only the last one. */
    private static final byte FORMAT_2 = 2;
    /** Format 3 (2026-12-07) adds the resolution after the open promise. */
    private static final byte FORMAT_3 = 3;
    /** Format 4 (2026-12-07) adds the customer's last verdict after the resolution. */
    private static final byte FORMAT_4 = 4;
    /** Format 5 (2026-12-07) adds the pause after the verdict: what it waits on (-1: not on hold), since when, time and count. */
    private static final byte FORMAT_5 = 5;
    /**
     * Format 6 (2026-12-07) adds, after the pause, whether the resolution was an automatic close and, while on hold, when
     * the complaint began waiting on what it waits on now (formats 5 and older: a resolution by an agent, and waiting since
     * the pause began).
     */
    private static final byte FORMAT_6 = 6;

    private AcknowledgedComplaintSerde() {
    }

    public static Serde<AcknowledgedComplaint> serde() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(AcknowledgedComplaint value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(192); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_6);
            byte[] complaint = OpenComplaintSerde.write(value.complaint());
            out.writeInt(complaint.length);
            out.write(complaint);
            out.writeLong(value.ack().at().toEpochMilli());
            out.writeUTF(value.ack().agent());
            out.writeLong(value.lastEventAt());
            PromiseLedger ledger = value.ledger();
            out.writeInt(ledger.made());
            out.writeInt(ledger.kept());
            out.writeInt(ledger.replaced());
            out.writeInt(ledger.broken());
            out.writeInt(ledger.pointsSent());
            out.writeByte(ledger.level().ordinal());
            writeTime(out, ledger.lastReminderAt());
            out.writeByte(ledger.appliedIds().size());
            for (String id : ledger.appliedIds()) {
                out.writeUTF(id);
            }
            PromiseClock open = ledger.open();
            out.writeBoolean(open != null);
            if (open != null) {
                out.writeLong(open.madeAt().toEpochMilli());
                out.writeLong(open.promisedAt().toEpochMilli());
                out.writeInt(open.numberBefore());
                out.writeInt(open.sent());
                out.writeByte(open.level().ordinal());
                writeTime(out, open.lastDueAt());
            }
            Resolution resolution = value.resolution();
            writeTime(out, resolution.resolvedAt());
            if (resolution.resolved()) {
                out.writeUTF(resolution.resolvedBy());
            }
            out.writeInt(resolution.resolutions());
            out.writeInt(resolution.reopenings());
            CustomerVerdict verdict = value.verdict();
            out.writeBoolean(verdict != null);
            if (verdict != null) {
                out.writeByte(verdict.score());
                out.writeBoolean(verdict.negativeText());
                out.writeUTF(verdict.feedbackId());
                out.writeUTF(verdict.resolutionId());
                out.writeLong(verdict.at().toEpochMilli());
            }
            Pause pause = value.pause();
            out.writeByte(pause.paused() ? pause.waitingOn().ordinal() : -1);
            if (pause.paused()) {
                out.writeLong(pause.since().toEpochMilli());
            }
            out.writeLong(pause.pausedMillis());
            out.writeInt(pause.pauses());
            out.writeBoolean(resolution.automatic());
            if (pause.paused()) {
                out.writeLong(pause.waitingSince().toEpochMilli());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AcknowledgedComplaint read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format < FORMAT_1 || format > FORMAT_6) {
                throw new SerializationException("unknown acknowledged-complaint format " + format);
            }
            byte[] complaintBytes = new byte[in.readInt()];
            in.readFully(complaintBytes);
            OpenComplaint complaint = OpenComplaintSerde.read(complaintBytes);
            EarlyAck ack = new EarlyAck(Instant.ofEpochMilli(in.readLong()), in.readUTF());
            long lastEventAt = in.readLong();
            int made = in.readInt();
            int kept = in.readInt();
            int replaced = in.readInt();
            int broken = in.readInt();
            int pointsSent = in.readInt();
            Level level = Level.values()[in.readByte()];
            Instant lastReminderAt = readTime(in);
            List<String> appliedIds = new ArrayList<>();
            if (format == FORMAT_1) {
                String last = in.readUTF();
                if (!last.isEmpty()) {
                    appliedIds.add(last);
                }
            } else {
                for (int n = in.readByte(); n > 0; n--) {
                    appliedIds.add(in.readUTF());
                }
            }
            PromiseClock open = null;
            if (in.readBoolean()) {
                SlaPolicy policy = complaint.clock().policy();
                open = new PromiseClock(complaint.id(), policy, Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()),
                        in.readInt(), in.readInt(), Level.values()[in.readByte()], readTime(in));
            }
            PromiseLedger ledger = new PromiseLedger(complaint.id(), made, kept, replaced, broken, open, pointsSent, level, lastReminderAt,
                    appliedIds);
            Resolution resolution = Resolution.NONE;
            if (format >= FORMAT_3) {
                Instant resolvedAt = readTime(in);
                String resolvedBy = resolvedAt == null ? null : in.readUTF();
                resolution = new Resolution(resolvedAt, resolvedBy, in.readInt(), in.readInt());
            }
            CustomerVerdict verdict = null;
            if (format >= FORMAT_4 && in.readBoolean()) {
                verdict = new CustomerVerdict(in.readByte(), in.readBoolean(), in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong()));
            }
            Pause pause = Pause.NONE;
            if (format >= FORMAT_5) {
                byte waiting = in.readByte();
                Pause.Wait wait = waiting < 0 ? null : Pause.Wait.values()[waiting];
                Instant since = wait == null ? null : Instant.ofEpochMilli(in.readLong());
                pause = new Pause(wait, since, in.readLong(), in.readInt());
            }
            if (format >= FORMAT_6) {
                if (in.readBoolean()) {
                    resolution = new Resolution(resolution.resolvedAt(), resolution.resolvedBy(), resolution.resolutions(),
                            resolution.reopenings(), true);
                }
                if (pause.paused()) {
                    pause = new Pause(pause.waitingOn(), pause.since(), pause.pausedMillis(), pause.pauses(),
                            Instant.ofEpochMilli(in.readLong()));
                }
            }
            return new AcknowledgedComplaint(complaint, ack, ledger, lastEventAt, resolution, verdict, pause);
        } catch (IOException e) {
            throw new SerializationException("corrupt acknowledged-complaint record", e);
        }
    }

    static void writeTime(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at == null ? -1 : at.toEpochMilli());
    }

    static Instant readTime(DataInputStream in) throws IOException {
        long at = in.readLong();
        return at < 0 ? null : Instant.ofEpochMilli(at);
    }
}
