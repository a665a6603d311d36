package dev.heed.ingest.http;

import dev.heed.ingest.JsonMapping;
import dev.heed.ingest.feedback.CloudEventReader;
import dev.heed.ingest.feedback.FeedbackParser;
import dev.heed.ingest.feedback.Submission;
import dev.heed.ingest.idempotency.IdempotencyStore;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.FeedbackIntake;
import dev.heed.ingest.intake.Fingerprint;
import dev.heed.ingest.kafka.KafkaFeedbackPublisher;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * CPU time per batch item of the service's own path: decoding a 500-item JSON batch, validation,
 * idempotency, fingerprint, Avro and the Kafka record with its {@code ce_*} headers, into a
 * {@link MockProducer} that acknowledges at once, and the per-item answer written as JSON. No HTTP and no
 * broker, one thread, its own CPU time: the number the load benchmark cannot resolve on a shared machine.
 * Prints five rounds after three of warm-up. Run with the test class path: {@code java -cp ... dev.heed.ingest.http.ItemCpuRun}.
 * With the argument {@code cloudevents} the items are structured-mode CloudEvents ({@code application/cloudevents-batch+json})
 * carrying the same feedback, and each round also prints what the CloudEvents SDK's reader alone costs per item.
 */
public final class ItemCpuRun {
    private ItemCpuRun() {}

    public static void main(String[] args) throws Exception {
        boolean cloudEvents = args.length > 0 && args[0].equals("cloudevents");
        var json = JsonMapping.create();
        var parser = new FeedbackParser(Clock.systemUTC(), Duration.ofMinutes(5));
        var decoder = new RequestDecoder(json, parser, new CloudEventReader(parser, json), 1000);
        var serde = AvroSerde.of(dev.heed.events.FeedbackReceived.class, new InMemorySchemaRegistry(), true);
        var ser = serde.serializer();
        var producer = new MockProducer<String, byte[]>(true, null, new StringSerializer(), new ByteArraySerializer());
        // The service's default bound (HEED_INGEST_IDEMPOTENCY_MAX_ENTRIES), as in the load benchmark.
        var intake = new FeedbackIntake(new KafkaFeedbackPublisher(producer, "t", ser),
                new IdempotencyStore<Fingerprint, Accepted>(Clock.systemUTC(), Duration.ofHours(1), 100_000), Clock.systemUTC(), Duration.ofSeconds(1));
        String occurred = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        long id = 0;
        long answered = 0;
        for (int round = 0; round < 8; round++) {
            long items = 0;
            var bodies = new java.util.ArrayList<byte[]>();
            for (int b = 0; b < 120; b++) {
                var sb = new StringBuilder("[");
                for (int i = 0; i < 500; i++) {
                    sb.append(i == 0 ? "" : ",").append(cloudEvents
                            ? "{\"specversion\":\"1.0\",\"id\":\"e-" + id++ + "\",\"source\":\"bench\",\"type\":\"dev.heed.feedback\",\"time\":\""
                              + occurred + "\",\"datacontenttype\":\"application/json\",\"data\":{"
                            : "{\"eventId\":\"e-" + id++ + "\",").append("\"channel\":\"WEB\",\"customer\":{\"email\":\"ada@example.org\"},")
                      .append("\"text\":\"The parcel arrived two days late and the box was crushed; nobody answered my e-mail.\",\"rating\":2,\"occurredAt\":\"")
                      .append(occurred).append("\",\"attributes\":{\"plan\":\"pro\"}}").append(cloudEvents ? "}" : "");
                }
                bodies.add(sb.append(']').toString().getBytes(StandardCharsets.UTF_8));
            }
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (byte[] body : bodies) {
                List<Submission> subs = decoder.batch(cloudEvents ? "application/cloudevents-batch+json" : "application/json", body);
                answered += json.writeValueAsBytes(BatchResult.of(intake.submitAll("bench", subs).join())).length;
                items += subs.size();
                producer.clear();
            }
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            if (round >= 3) {
                System.out.printf("round %d: %.2f us CPU per item (%d answer bytes so far)%s%n", round, cpu / 1e3 / items, answered,
                        cloudEvents ? String.format("; the SDK's reader alone %.2f us", sdkMicros(json, bodies)) : "");
            }
        }
    }

    /** CPU per item of {@code treeToValue(item, CloudEvent.class)} alone, over the items of {@code bodies}. */
    private static double sdkMicros(com.fasterxml.jackson.databind.ObjectMapper json, List<byte[]> bodies) throws Exception {
        var trees = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        for (byte[] body : bodies) {
            json.readTree(body).forEach(trees::add);
        }
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int read = 0;
        for (var tree : trees) {
            read += json.treeToValue(tree, io.cloudevents.CloudEvent.class).getId().length();
        }
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        return read > 0 ? cpu / 1e3 / trees.size() : Double.NaN;
    }
}
