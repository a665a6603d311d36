package dev.heed.routing.topology.store;

import dev.heed.routing.problem.ProblemLinks;
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
 * The state-store format of a {@link ProblemLinks}: a format byte, the linked complaint ids, whether it is resolved
 * and then its resolution (event id, time, agent, team or none, message), and the event ids applied last. Internal to
 * this service; a new field means a new format byte, and the reader keeps reading the old ones.
 */
public final class ProblemLinksSerde {

    private static final byte FORMAT_1 = 1;

    private ProblemLinksSerde() {
    }

    public static Serde<ProblemLinks> serde() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(ProblemLinks value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(128); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            writeIds(out, value.complaints());
            ProblemLinks.Resolution resolution = value.resolution();
            out.writeBoolean(resolution != null);
            if (resolution != null) {
                out.writeUTF(resolution.eventId());
                out.writeLong(resolution.at().toEpochMilli());
                out.writeUTF(resolution.agent());
                out.writeBoolean(resolution.team() != null);
                if (resolution.team() != null) {
                    out.writeUTF(resolution.team());
                }
                out.writeUTF(resolution.message());
            }
            writeIds(out, value.recent());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemLinks read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new SerializationException("unknown problem-links format " + format);
            }
            List<String> complaints = readIds(in);
            ProblemLinks.Resolution resolution = null;
            if (in.readBoolean()) {
                String eventId = in.readUTF();
                Instant at = Instant.ofEpochMilli(in.readLong());
                String agent = in.readUTF();
                String team = in.readBoolean() ? in.readUTF() : null;
                resolution = new ProblemLinks.Resolution(eventId, at, agent, team, in.readUTF());
            }
            return new ProblemLinks(complaints, resolution, readIds(in));
        } catch (IOException e) {
            throw new SerializationException("corrupt problem-links record", e);
        }
    }

    private static void writeIds(DataOutputStream out, List<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static List<String> readIds(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readUTF());
        }
        return ids;
    }
}
