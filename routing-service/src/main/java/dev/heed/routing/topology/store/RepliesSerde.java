package dev.heed.routing.topology.store;

import dev.heed.routing.reply.CustomerReply;
import dev.heed.routing.reply.Replies;
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
 * The state-store format of a complaint's {@link Replies}: a format byte, the reference keys, the counts, and the last
 * reply, if any. Internal to this service; a new field means a new format byte, and the reader keeps reading the old ones.
 */
public final class RepliesSerde {

    private static final byte FORMAT_1 = 1;

    private RepliesSerde() {
    }

    public static Serde<Replies> serde() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value),
                (topic, bytes) -> bytes == null ? null : read(bytes));
    }

    static byte[] write(Replies value) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(160); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_1);
            out.writeByte(value.referenceKeys().size());
            for (String key : value.referenceKeys()) {
                out.writeUTF(key);
            }
            out.writeInt(value.count());
            out.writeInt(value.negative());
            CustomerReply last = value.last();
            out.writeBoolean(last != null);
            if (last != null) {
                out.writeUTF(last.feedbackId());
                out.writeLong(last.at().toEpochMilli());
                out.writeBoolean(last.negative());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Replies read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_1) {
                throw new SerializationException("unknown replies format " + format);
            }
            List<String> keys = new ArrayList<>();
            for (int n = in.readByte(); n > 0; n--) {
                keys.add(in.readUTF());
            }
            int count = in.readInt();
            int negative = in.readInt();
            CustomerReply last = in.readBoolean() ? new CustomerReply(in.readUTF(), Instant.ofEpochMilli(in.readLong()), in.readBoolean()) : null;
            return new Replies(keys, count, negative, last);
        } catch (IOException e) {
            throw new SerializationException("corrupt replies record", e);
        }
    }
}
