package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicCreator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI against the real broker and registry, as an operator runs it. */
@ExtendWith(LocalStackExtension.class)
class HeedCliIT {

    @BeforeAll
    static void createTopics(Stack stack) {
        var topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3);
        TopicCreator.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
    }

    @Test
    void sentFeedbackShouldBeReadableByTailAsJson(Stack stack) throws Exception {
        String id = stack.uniqueName("cli-send");

        Result sent = heed(stack, "send", "--id", id, "--text", "Still waiting for my refund", "--rating", "1",
                "--email", "ada@example.com", "--channel", "email");
        Result tail = heed(stack, "tail", "feedback.received", "--from-beginning", "--id", id, "--max", "1", "--for", "30");

        assertThat(sent.status).isZero();
        assertThat(sent.out).contains("sent " + id + " to feedback.received");
        JsonNode line = JsonView.MAPPER.readTree(tail.out.strip());
        assertThat(line.path("key").asText()).isEqualTo(id);
        assertThat(line.path("value").path("text").asText()).isEqualTo("Still waiting for my refund");
        assertThat(line.path("value").path("rating").asInt()).isEqualTo(1);
        assertThat(line.path("value").path("channel").asText()).isEqualTo("EMAIL");
        assertThat(line.path("value").path("customer").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(line.path("value").path("occurredAt").asText()).endsWith("Z");
    }

    @Test
    void ackShouldWriteAnAcknowledgementForTheComplaint(Stack stack) throws Exception {
        String id = stack.uniqueName("cli-ack");

        Result ack = heed(stack, "ack", id, "--agent", "grace", "--note", "on it");
        Result tail = heed(stack, "tail", "complaints.acknowledged", "--from-beginning", "--id", id, "--max", "1", "--for", "30");

        assertThat(ack.status).isZero();
        JsonNode value = JsonView.MAPPER.readTree(tail.out.strip()).path("value");
        assertThat(value.path("agent").asText()).isEqualTo("grace");
        assertThat(value.path("source").asText()).isEqualTo("CLI");
        assertThat(value.path("note").asText()).isEqualTo("on it");
    }

    @Test
    void tailShowsAnUnreadableRecordAsSuchAndGoesOn(Stack stack) throws Exception {
        String topic = stack.uniqueName("tail-poison");
        stack.createTopic(topic, 1);
        var serde = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 1).feedbackReceived().valueSerde();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "fb-1", serde.serializer().serialize(topic, SampleEvents.feedback("fb-1")))).get();
            producer.send(new ProducerRecord<>(topic, "bad", new byte[] {42, 42, 42})).get();
            producer.send(new ProducerRecord<>(topic, "fb-2", serde.serializer().serialize(topic, SampleEvents.feedback("fb-2")))).get();
        }

        Result tail = heed(stack, "tail", topic, "--from-beginning", "--max", "3", "--for", "30");

        assertThat(tail.status).as(tail.err).isZero();
        List<JsonNode> lines = tail.out.lines().map(HeedCliIT::json).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("value").path("eventId").asText()).isEqualTo("fb-1");
        assertThat(lines.get(1).path("offset").asLong()).isEqualTo(1);
        assertThat(lines.get(1).path("unreadable").path("reason").asText()).isEqualTo("NOT_FRAMED");
        assertThat(lines.get(1).path("unreadable").path("size").asInt()).isEqualTo(3);
        assertThat(lines.get(2).path("value").path("eventId").asText()).isEqualTo("fb-2");
    }

    @Test
    void statusShouldListTopicsWithOffsets(Stack stack) {
        heed(stack, "send", "--text", "Lovely service, thank you");

        Result status = heed(stack, "status");

        assertThat(status.status).isZero();
        assertThat(status.out).contains("feedback.received", "routing.dlq", "CONSUMER GROUP", "OPEN COMPLAINTS");
    }

    @Test
    void badUsageShouldExitWithTwoAndSayWhy(Stack stack) {
        assertThat(heed(stack, "send", "--rating", "1").err).contains("--text is required");
        assertThat(heed(stack, "send", "--text", "x", "--rating", "9").status).isEqualTo(2);
        assertThat(heed(stack, "frobnicate").status).isEqualTo(2);
        assertThat(heed(stack, "ack", "x", "--agent", "a", "--bogus", "1").err).contains("unknown option --bogus");
    }

    @Test
    void unreachableKafkaShouldFailWithStatusOne(Stack stack) {
        Result result = run(List.of("send", "--text", "hello", "--bootstrap", "127.0.0.1:1", "--registry", stack.registryUrl()),
                Map.of("HEED_KAFKA_MAX_BLOCK_MS", "2000"));

        assertThat(result.status).isEqualTo(1);
        assertThat(result.err).contains("heed send failed");
    }

    private static JsonNode json(String line) {
        try {
            return JsonView.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result heed(Stack stack, String... words) {
        List<String> argv = new ArrayList<>(List.of(words));
        argv.addAll(List.of("--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()));
        return run(argv, Map.of());
    }

    private static Result run(List<String> argv, Map<String, String> env) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Heed.run(argv, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new AtomicBoolean());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {}
}
