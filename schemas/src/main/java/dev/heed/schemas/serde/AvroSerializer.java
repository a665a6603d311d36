package dev.heed.schemas.serde;

import dev.heed.schemas.registry.RegistryException;
import dev.heed.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the registry framing under the topic-name strategy ({@code <topic>-value} or
 * {@code <topic>-key}). With auto-registration on, the first record of a schema registers it; with it
 * off, the schema must already be registered (production registries usually forbid clients to register).
 * The schema id is resolved once per schema and cached by the registry client.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean isKey;
    private final DatumWriter<T> writer;
    private final Schema schema;
    private volatile Resolved last = new Resolved("", -1);

    AvroSerializer(SchemaRegistryClient registry, Schema schema, boolean autoRegister, boolean isKey, boolean specific) {
        this.registry = registry;
        this.schema = schema;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
        this.writer = specific ? new SpecificDatumWriter<>(schema, withCustomCoders(SpecificData.getForSchema(schema)))
                : new GenericDatumWriter<>(schema);
    }

    /**
     * The generated class's model with its logical-type conversions, but writing every nested record that has
     * generated coders with them ({@code customEncode}: straight field writes, no reflection over the schema).
     * Avro leaves them off by default (a system property turns them on for the whole process); this turns them on
     * for this writer only. The bytes are the same (AvroSerdeTest compares them for every event); the time is
     * not: the classification with its evidence, most of a classified or escalated event, is written about
     * twice as fast, and the writes are a quarter of routing's stream-thread time (docs/benchmarks/routing.md).
     */
    static SpecificData withCustomCoders(SpecificData generated) {
        SpecificData model = new SpecificData(generated.getClassLoader());
        generated.getConversions().forEach(model::addLogicalTypeConversion);
        model.setCustomCoders(true);
        return model;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = schemaId(topic);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(new byte[WireFormat.HEADER_SIZE], 0, WireFormat.HEADER_SIZE);
        // Buffered: a direct encoder hands every field to the stream's synchronized write, a buffered one hands over
        // the record in one or two blocks (half the time for a classified event, docs/benchmarks/routing.md).
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " to " + topic + ": " + e.getMessage(), e);
        }
        byte[] bytes = out.toByteArray();
        WireFormat.writeHeader(bytes, id);
        return bytes;
    }

    private int schemaId(String topic) {
        // One serializer normally writes one topic; remembering the last one saves even the map lookup.
        Resolved resolved = last;
        if (resolved.topic().equals(topic)) {
            return resolved.id();
        }
        String subject = topic + (isKey ? "-key" : "-value");
        int id;
        try {
            id = autoRegister ? registry.register(subject, schema) : registry.lookup(subject, schema);
        } catch (RegistryException e) {
            throw new SerializationException("cannot resolve the schema id of " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
        last = new Resolved(topic, id);
        return id;
    }

    private record Resolved(String topic, int id) {}
}
