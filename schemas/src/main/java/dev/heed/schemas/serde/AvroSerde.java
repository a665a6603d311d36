package dev.heed.schemas.serde;

import dev.heed.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one generated Avro type in the registry framing. Reads any compatible writer version into the
 * generated class (reader-schema resolution); writes with the generated class's schema.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /**
     * @param autoRegister register the schema on first write; when false the schema must be registered already
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaRegistryClient registry, boolean autoRegister) {
        Schema schema = schemaOf(type);
        TrustedTypes.trust(schema);
        SpecificData model = SpecificData.getForClass(type);
        return new AvroSerde<>(
                new AvroSerializer<>(registry, schema, autoRegister, false, true),
                new AvroDeserializer<>(registry, writer -> new SpecificDatumReader<>(writer, schema, model)));
    }

    /**
     * Lets Avro instantiate {@code types} and every named type reachable from them, as making a serde for each
     * does. Only code that builds events before any serde exists needs it: a generated builder fills an enum's
     * default through Avro's class lookup, which Avro 1.12 refuses for classes it was not told to trust.
     */
    @SafeVarargs
    public static void trust(Class<? extends SpecificRecord>... types) {
        for (Class<? extends SpecificRecord> type : types) {
            TrustedTypes.trust(schemaOf(type));
        }
    }

    private static Schema schemaOf(Class<?> type) {
        try {
            return (Schema) type.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not a generated Avro class", e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
