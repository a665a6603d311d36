package dev.heed.routing.topology.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the due-time index: 8 bytes of big-endian epoch millis, then the complaint id in UTF-8. Byte order
 * equals time order (due times are never negative), so a range scan from 0 to now visits exactly what is due.
 */
public final class DueIndexKey {

    private static final int TIME_BYTES = Long.BYTES;

    private DueIndexKey() {
    }

    static Bytes of(Instant dueAt, String complaintId) {
        byte[] id = complaintId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES + id.length).putLong(dueAt.toEpochMilli()).put(id).array());
    }

    /** The lowest key. */
    static Bytes first() {
        return Bytes.wrap(new byte[TIME_BYTES]);
    }

    /**
     * An inclusive upper bound covering every key due at or before {@code now}: the bare time {@code now + 1}
     * sorts after every key at {@code now} and before every real key at {@code now + 1} (ids are never empty).
     */
    static Bytes lastDueAt(Instant now) {
        return before(now.toEpochMilli() + 1);
    }

    /** The bare time {@code millis}: sorts after every key due before it and before every key due at it or later. */
    static Bytes before(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(TIME_BYTES).putLong(millis).array());
    }

    /** The due time of an index key, in epoch millis. */
    public static long dueAt(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong();
    }

    public static String complaintId(Bytes key) {
        byte[] raw = key.get();
        return new String(raw, TIME_BYTES, raw.length - TIME_BYTES, StandardCharsets.UTF_8);
    }
}
