package dev.heed.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into an event. Services route these to a dead-letter topic; the
 * {@link #reason()} says which kind of failure it was, so handlers never match on message text.
 */
public class UnreadableRecordException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** Why a record could not be read. */
    public enum Reason {
        /** Not in the registry framing: empty, too short, or the first byte is not the magic byte 0. */
        NOT_FRAMED,
        /** The framing names a schema id the registry does not know. */
        UNKNOWN_SCHEMA_ID,
        /** The writer's schema cannot be read as the reader's schema. */
        INCOMPATIBLE_SCHEMA,
        /** The Avro payload is truncated or corrupt. */
        CORRUPT_PAYLOAD,
        /** No value at all (a tombstone) on a topic whose every record must carry an event. */
        NULL_VALUE
    }

    private final Reason reason;

    public UnreadableRecordException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
