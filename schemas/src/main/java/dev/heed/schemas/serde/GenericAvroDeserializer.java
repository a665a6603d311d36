package dev.heed.schemas.serde;

import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import java.util.Map;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any Heed topic as {@link GenericRecord}s, knowing nothing but the registry URL: for tools, the CLI
 * and tests. Configure it like any Kafka deserializer with {@value #REGISTRY_URL_CONFIG}.
 */
public final class GenericAvroDeserializer implements Deserializer<GenericRecord> {
    public static final String REGISTRY_URL_CONFIG = "schema.registry.url";

    // Timestamps come back as Instants, as in the generated classes, so tools print them as times.
    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    private Deserializer<GenericRecord> delegate;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(REGISTRY_URL_CONFIG);
        if (url == null) {
            throw new ConfigException(REGISTRY_URL_CONFIG + " is required");
        }
        delegate = new AvroDeserializer<>(new HttpSchemaRegistryClient(url.toString()),
                writer -> new GenericDatumReader<>(writer, writer, MODEL));
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        if (delegate == null) {
            throw new IllegalStateException("configure() with " + REGISTRY_URL_CONFIG + " first");
        }
        return delegate.deserialize(topic, data);
    }
}
