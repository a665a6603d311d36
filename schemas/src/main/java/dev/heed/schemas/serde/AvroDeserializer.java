package dev.heed.schemas.serde;

import dev.heed.schemas.registry.RegistryException;
import dev.heed.schemas.registry.SchemaRegistryClient;
import dev.heed.schemas.registry.UnknownSchemaException;
import dev.heed.schemas.serde.UnreadableRecordException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads registry-framed Avro. The writer's schema comes from the registry by the id in the frame (once per
 * id), and is resolved against the reader's schema, so consumers read records written by older or newer
 * compatible versions. Bytes that are not framed, name an unknown id, or do not decode raise
 * {@link UnreadableRecordException}; a registry that cannot be reached raises a plain
 * {@link SerializationException} caused by a retriable {@link RegistryException}, because that record is
 * not bad and must not be dead-lettered.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {
    private final SchemaRegistryClient registry;
    private final Function<Schema, DatumReader<T>> readerFactory;
    private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

    AvroDeserializer(SchemaRegistryClient registry, Function<Schema, DatumReader<T>> readerFactory) {
        this.registry = registry;
        this.readerFactory = readerFactory;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        DatumReader<T> reader = readerFor(WireFormat.schemaId(data), topic);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
        try {
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new UnreadableRecordException(Reason.CORRUPT_PAYLOAD,
                        "trailing bytes after the record in " + topic, null);
            }
            return value;
        } catch (AvroTypeException e) {
            throw new UnreadableRecordException(Reason.INCOMPATIBLE_SCHEMA, e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new UnreadableRecordException(Reason.CORRUPT_PAYLOAD, "payload does not decode: " + e, e);
        }
    }

    private DatumReader<T> readerFor(int id, String topic) {
        DatumReader<T> reader = readersById.get(id);
        if (reader != null) {
            return reader;
        }
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (UnknownSchemaException e) {
            throw new UnreadableRecordException(Reason.UNKNOWN_SCHEMA_ID,
                    "schema id " + id + " in " + topic + " is not in the registry", e);
        } catch (RegistryException e) {
            throw new SerializationException("cannot fetch schema id " + id + ": " + e.getMessage(), e);
        }
        try {
            reader = readerFactory.apply(writer);
        } catch (AvroTypeException e) {
            throw new UnreadableRecordException(Reason.INCOMPATIBLE_SCHEMA, e.getMessage(), e);
        }
        readersById.putIfAbsent(id, reader);
        return reader;
    }
}
