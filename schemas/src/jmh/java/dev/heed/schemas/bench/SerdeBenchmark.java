package dev.heed.schemas.bench;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serialize + deserialize one FeedbackReceived: Heed's registry serde against Avro's bare binary
 * encoder/decoder on the same record. The difference is the framing and the cached id lookups.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {
    private static final String TOPIC = "feedback.received";

    private FeedbackReceived event;
    private AvroSerde<FeedbackReceived> serde;
    private SpecificDatumWriter<FeedbackReceived> bareWriter;
    private SpecificDatumReader<FeedbackReceived> bareReader;

    @Setup
    public void setUp() {
        serde = AvroSerde.of(FeedbackReceived.class, new InMemorySchemaRegistry(), true);
        bareWriter = new SpecificDatumWriter<>(FeedbackReceived.class);
        bareReader = new SpecificDatumReader<>(FeedbackReceived.class);
        event = FeedbackReceived.newBuilder()
                .setEventId("2f1c6a52-8f7e-4d0e-9a51-6f3f2b0c9d11")
                .setIngestId("ing-01HZX5")
                .setSourceSystem("web-form")
                .setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().setId("cust-88121").setDisplayName("Sam Rivera")
                        .setEmail("sam.rivera@example.com").setPreferredLanguage("en").build())
                .setSubject("Order 55120 never arrived")
                .setText("I ordered a kettle three weeks ago, the tracking has not moved since Monday and nobody"
                        + " answers the phone. I want a refund or a replacement by Friday.")
                .setRating(1)
                .setOccurredAt(Instant.parse("2026-11-20T10:15:30.123Z"))
                .setReceivedAt(Instant.parse("2026-11-20T10:15:31.456Z"))
                .setReference("order-55120")
                .setAttributes(Map.of("plan", "pro", "region", "eu-west"))
                .setTraceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .build();
    }

    @Benchmark
    public FeedbackReceived heedSerde() {
        byte[] bytes = serde.serializer().serialize(TOPIC, event);
        return serde.deserializer().deserialize(TOPIC, bytes);
    }

    @Benchmark
    public FeedbackReceived bareAvro() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        bareWriter.write(event, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        return bareReader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
