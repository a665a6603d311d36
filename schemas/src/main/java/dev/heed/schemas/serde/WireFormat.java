package dev.heed.schemas.serde;

import dev.heed.schemas.serde.UnreadableRecordException.Reason;
import java.nio.ByteBuffer;

/**
 * The schema-registry framing that Kafka tools (kafbat, AKHQ, the Confluent console consumer) understand:
 * magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary encoding.
 */
final class WireFormat {
    static final byte MAGIC = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {}

    static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /** Returns the schema id of framed bytes, or throws {@link Reason#NOT_FRAMED}. */
    static int schemaId(byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new UnreadableRecordException(Reason.NOT_FRAMED,
                    "record of " + (data == null ? 0 : data.length) + " bytes is shorter than the 5-byte registry header", null);
        }
        if (data[0] != MAGIC) {
            throw new UnreadableRecordException(Reason.NOT_FRAMED,
                    "first byte is " + data[0] + ", not the registry magic byte 0", null);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
