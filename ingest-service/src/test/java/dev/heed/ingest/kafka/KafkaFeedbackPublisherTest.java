package dev.heed.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.serde.AvroSerde;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaFeedbackPublisherTest {
    private final AvroSerde<FeedbackReceived> serde = AvroSerde.of(FeedbackReceived.class, new InMemorySchemaRegistry(), true);
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaFeedbackPublisher publisher = new KafkaFeedbackPublisher(producer, "feedback.received", serde.serializer());

    /** The write as a future: completed with the placement, or failed with the error the callback got. */
    private CompletableFuture<Placement> publish(FeedbackReceived event) {
        var acked = new CompletableFuture<Placement>();
        publisher.publish(event, (placement, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(placement);
            }
        });
        return acked;
    }

    static FeedbackReceived event() {
        return FeedbackReceived.newBuilder().setEventId("wf-1").setIngestId("ing-1").setSourceSystem("web-form")
                .setChannel(Channel.WEB).setCustomer(new Customer()).setText("Broken")
                .setOccurredAt(Instant.parse("2026-11-24T09:00:00Z")).setReceivedAt(Instant.parse("2026-11-24T10:00:00Z"))
                .setAttributes(Map.of()).build();
    }

    @Test
    void shouldWriteTheAvroValueUnderTheEventIdWithCloudEventsHeaders() {
        var acked = publish(event());
        producer.completeNext();

        assertThat(acked).isCompleted();
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.key()).isEqualTo("wf-1");
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z").toEpochMilli());
        assertThat(serde.deserializer().deserialize("feedback.received", record.value())).isEqualTo(event());
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("wf-1");

        CloudEvent ce = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        assertThat(ce.getSource().toString()).isEqualTo("web-form");
        assertThat(ce.getType()).isEqualTo(KafkaFeedbackPublisher.EVENT_TYPE);
        assertThat(ce.getDataContentType()).isEqualTo("application/avro");
        assertThat(ce.getTime().toInstant()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void shouldFailTheFutureWhenTheBrokerDoesNotAcknowledge() {
        var acked = publish(event());
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(acked).isCompletedExceptionally();
    }

    @Test
    void shouldFailTheFutureWhenSendThrows() {
        producer.sendException = new TimeoutException("metadata not available after max.block.ms");
        assertThat(publish(event())).isCompletedExceptionally();
    }

    /** The headers written by hand must be, byte for byte and in order, what the CloudEvents SDK writes. */
    @Test
    void shouldWriteTheSameRecordAsTheCloudEventsWriter() {
        var random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            // Whole seconds, whole millis and odd millis, from year 1 to 9999 and beyond.
            long seconds = random.nextInt(4) == 0 ? 253_402_300_800L + random.nextInt(1_000_000)
                    : -62_135_596_800L + (long) (random.nextDouble() * 315_537_897_600L);
            long millis = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 10L * random.nextInt(100);
                default -> random.nextInt(1000);
            };
            Instant occurredAt = Instant.ofEpochSecond(seconds, millis * 1_000_000);
            FeedbackReceived event = event();
            event.setEventId("ev-" + n);
            event.setSourceSystem(n % 2 == 0 ? "web-form" : "chat.gw_2");
            event.setOccurredAt(occurredAt);
            byte[] avro = {1, 2, 3};

            ProducerRecord<String, byte[]> mine = KafkaFeedbackPublisher.record("feedback.received", event, avro);
            ProducerRecord<String, byte[]> sdk = KafkaFeedbackPublisher.recordThroughSdk("feedback.received", event, avro);

            assertThat(mine.key()).isEqualTo(sdk.key());
            assertThat(mine.timestamp()).isEqualTo(sdk.timestamp());
            assertThat(mine.partition()).isEqualTo(sdk.partition());
            assertThat(mine.value()).isSameAs(sdk.value());
            assertThat(mine.headers().toArray()).as(occurredAt.toString()).containsExactly(sdk.headers().toArray());
        }
    }
}
