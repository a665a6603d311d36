package dev.heed.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.registry.RegistryException;
import dev.heed.schemas.registry.SchemaRegistryClient;
import dev.heed.schemas.serde.UnreadableRecordException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private static final String TOPIC = "feedback.received";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroSerde<FeedbackReceived> serde = AvroSerde.of(FeedbackReceived.class, registry, true);

    @Test
    void shouldRoundTripEveryFieldInTheRegistryFraming() {
        FeedbackReceived event = SampleEvents.feedback("fb-1");

        byte[] bytes = serde.serializer().serialize(TOPIC, event);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.getById(id)).isEqualTo(FeedbackReceived.getClassSchema());
        assertThat(registry.subjects()).containsExactly(TOPIC + "-value");
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
    }

    /**
     * The serializer writes nested records with Avro's generated coders; they must give the bytes Avro's own
     * schema-driven writer gives, for every event, or a reader of another language would read them differently.
     */
    @Test
    void shouldWriteTheSameBytesAsAvrosSchemaDrivenWriterForEveryEvent() throws IOException {
        List<SpecificRecord> events = List.of(SampleEvents.feedback("fb-1"), SampleEvents.classified("fb-2"),
                SampleEvents.escalated("fb-3"), SampleEvents.responseDue("fb-4"), SampleEvents.acknowledged("fb-5"),
                SampleEvents.updated("fb-6"), SampleEvents.state("fb-7"), SampleEvents.responseSent("fb-8"));
        // The test means something only if some event nests a record that has generated coders.
        assertThat(SampleEvents.classification()).isInstanceOf(SpecificRecordBase.class);
        assertThat(SpecificData.get().useCustomCoders()).isFalse();

        for (SpecificRecord event : events) {
            byte[] framed = AvroSerde.of(castType(event), registry, true).serializer().serialize("t." + event.getSchema().getName(), event);

            byte[] payload = Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length);
            assertThat(payload).as(event.getSchema().getName()).isEqualTo(schemaDriven(event));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> Class<T> castType(SpecificRecord event) {
        return (Class<T>) event.getClass();
    }

    private static byte[] schemaDriven(SpecificRecord event) throws IOException {
        SpecificData generated = SpecificData.getForSchema(event.getSchema());
        assertThat(generated.useCustomCoders()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema(), generated).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void shouldAskTheRegistryOncePerSchemaNotPerRecord() {
        CountingRegistry counting = new CountingRegistry(registry);
        AvroSerde<FeedbackReceived> counted = AvroSerde.of(FeedbackReceived.class, counting, true);

        for (int i = 0; i < 100; i++) {
            byte[] bytes = counted.serializer().serialize(TOPIC, SampleEvents.feedback("fb-" + i));
            counted.deserializer().deserialize(TOPIC, bytes);
        }

        assertThat(counting.registers.get()).isEqualTo(1);
        assertThat(counting.fetches.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToWriteAnUnregisteredSchemaWhenAutoRegistrationIsOff() {
        AvroSerde<FeedbackReceived> strict = AvroSerde.of(FeedbackReceived.class, registry, false);

        assertThatThrownBy(() -> strict.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC + "-value");
    }

    @Test
    void shouldWriteWithAPreRegisteredSchemaWhenAutoRegistrationIsOff() {
        int id = registry.register(TOPIC + "-value", FeedbackReceived.getClassSchema());
        AvroSerde<FeedbackReceived> strict = AvroSerde.of(FeedbackReceived.class, registry, false);

        byte[] bytes = strict.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1"));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldFlagBytesThatAreNotFramed() {
        assertReason(new byte[] {1, 0, 0, 0, 1, 2, 3}, Reason.NOT_FRAMED);
        assertReason(new byte[] {0, 0}, Reason.NOT_FRAMED);
        assertReason("{\"json\":true}".getBytes(), Reason.NOT_FRAMED);
    }

    @Test
    void shouldFlagAnUnknownSchemaId() {
        byte[] bytes = serde.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1"));
        bytes[4] = 99;

        assertReason(bytes, Reason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void shouldFlagATruncatedPayload() {
        byte[] bytes = serde.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1"));

        assertReason(Arrays.copyOf(bytes, bytes.length / 2), Reason.CORRUPT_PAYLOAD);
    }

    @Test
    void shouldFlagAWriterSchemaThatCannotBeReadAsTheEvent() {
        Schema other = SchemaBuilder.record("Other").namespace("x").fields().requiredInt("n").endRecord();
        GenericRecord record = new GenericData.Record(other);
        record.put("n", 7);
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, other, true, false, false).serialize(TOPIC, record);

        assertReason(bytes, Reason.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void shouldReadARecordWrittenWithAnOlderSchemaFillingNewFieldsFromDefaults() {
        Schema older = SchemaBuilder.record("FeedbackReceived").namespace("dev.heed.events").fields()
                .requiredString("eventId")
                .requiredString("sourceSystem")
                .name("channel").type(FeedbackReceived.getClassSchema().getField("channel").schema()).noDefault()
                .name("customer").type(FeedbackReceived.getClassSchema().getField("customer").schema()).noDefault()
                .requiredString("text")
                .name("occurredAt").type(FeedbackReceived.getClassSchema().getField("occurredAt").schema()).noDefault()
                .name("receivedAt").type(FeedbackReceived.getClassSchema().getField("receivedAt").schema()).noDefault()
                .endRecord();
        GenericRecord old = new GenericData.Record(older);
        FeedbackReceived current = SampleEvents.feedback("fb-old");
        for (Schema.Field field : older.getFields()) {
            Object value = current.get(field.name());
            old.put(field.name(), value instanceof java.time.Instant instant ? instant.toEpochMilli() : value);
        }
        byte[] bytes = new AvroSerializer<GenericRecord>(registry, older, true, false, false).serialize(TOPIC, old);

        FeedbackReceived read = serde.deserializer().deserialize(TOPIC, bytes);

        assertThat(read.getEventId()).isEqualTo("fb-old");
        assertThat(read.getText()).isEqualTo(current.getText());
        assertThat(read.getRating()).isNull();
        assertThat(read.getAttributes()).isEmpty();
    }

    @Test
    void shouldTreatAnUnreachableRegistryAsRetriableNotAsABadRecord() {
        byte[] bytes = serde.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1"));
        SchemaRegistryClient down = new CountingRegistry(registry) {
            @Override
            public Schema getById(int id) {
                throw new RegistryException("connection refused", true, null);
            }
        };
        AvroSerde<FeedbackReceived> reader = AvroSerde.of(FeedbackReceived.class, down, true);

        assertThatThrownBy(() -> reader.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(UnreadableRecordException.class)
                .hasRootCauseInstanceOf(RegistryException.class);
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    private void assertReason(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(UnreadableRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static class CountingRegistry implements SchemaRegistryClient {
        final SchemaRegistryClient delegate;
        final AtomicInteger registers = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();

        CountingRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(String subject, Schema schema) {
            registers.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public int lookup(String subject, Schema schema) {
            return delegate.lookup(subject, schema);
        }

        @Override
        public Schema getById(int id) {
            fetches.incrementAndGet();
            return delegate.getById(id);
        }
    }
}
