package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TailLinesTest {
    private static final String TOPIC = "feedback.received";
    private final AvroSerde<FeedbackReceived> serde = AvroSerde.of(FeedbackReceived.class, new InMemorySchemaRegistry(), true);
    private final TailLines lines = new TailLines(serde.deserializer());

    @Test
    void aReadableRecordShowsItsDecodedValue() throws Exception {
        byte[] value = serde.serializer().serialize(TOPIC, SampleEvents.feedback("fb-1"));

        JsonNode line = JsonView.MAPPER.readTree(lines.line(new ConsumerRecord<>(TOPIC, 2, 155, "fb-1", value)));

        assertThat(line.path("value").path("eventId").asText()).isEqualTo("fb-1");
        assertThat(line.path("partition").asInt()).isEqualTo(2);
        assertThat(line.has("unreadable")).isFalse();
    }

    @Test
    void anUnreadableRecordShowsWhereItIsWhyAndHowLargeInsteadOfStoppingTheTail() throws Exception {
        JsonNode poison = JsonView.MAPPER.readTree(lines.line(new ConsumerRecord<>(TOPIC, 2, 156, "bad", new byte[] {42, 42, 42})));
        JsonNode unknownId = JsonView.MAPPER.readTree(lines.line(new ConsumerRecord<>(TOPIC, 0, 7, "odd",
                new byte[] {0, 0, 0, 3, (byte) 231, 2, 4})));

        assertThat(poison.path("offset").asLong()).isEqualTo(156);
        assertThat(poison.path("key").asText()).isEqualTo("bad");
        assertThat(poison.path("unreadable").path("reason").asText()).isEqualTo("NOT_FRAMED");
        assertThat(poison.path("unreadable").path("size").asInt()).isEqualTo(3);
        assertThat(poison.path("unreadable").path("error").asText()).contains("shorter than the 5-byte registry header");
        assertThat(poison.has("value")).isFalse();
        assertThat(unknownId.path("unreadable").path("reason").asText()).isEqualTo("UNKNOWN_SCHEMA_ID");
        assertThat(unknownId.path("unreadable").path("size").asInt()).isEqualTo(7);
    }

    @Test
    void aTombstoneShowsANullValueAndADeadLetterItsHeadersAndRawText() throws Exception {
        ConsumerRecord<String, byte[]> dead = new ConsumerRecord<>("routing.dlq", 0, 0, "bad", "not avro".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("__streams.errors.offset", "156".getBytes(StandardCharsets.UTF_8));

        JsonNode tombstone = JsonView.MAPPER.readTree(lines.line(new ConsumerRecord<>(TOPIC, 1, 9, "gone", null)));
        JsonNode deadLine = JsonView.MAPPER.readTree(new TailLines(null).line(dead));

        assertThat(tombstone.path("value").isNull()).isTrue();
        assertThat(deadLine.path("value").asText()).isEqualTo("not avro");
        assertThat(deadLine.path("headers").path("__streams.errors.offset").asText()).isEqualTo("156");
    }
}
