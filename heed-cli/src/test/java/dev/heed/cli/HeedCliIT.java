package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.ComplaintEscalated;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.topics.Topic;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.runtime.kafka.TopicEnsure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
    }

    @Test
    void sentFeedbackShouldBeReadableByTailAsJson(Stack stack) throws Exception {
        String id = stack.uniqueName("cli-send");

        CliRun sent = heed(stack, "send", "--id", id, "--text", "Still waiting for my refund", "--rating", "1",
                "--email", "ada@example.com", "--channel", "email");
        CliRun tail = heed(stack, "tail", "feedback.received", "--from-beginning", "--id", id, "--max", "1", "--for", "30");

        assertThat(sent.status()).isZero();
        assertThat(sent.out()).contains("sent " + id + " to feedback.received");
        JsonNode line = JsonView.MAPPER.readTree(tail.out().strip());
        assertThat(line.path("key").asText()).isEqualTo(id);
        assertThat(line.path("value").path("text").asText()).isEqualTo("Still waiting for my refund");
        assertThat(line.path("value").path("rating").asInt()).isEqualTo(1);
        assertThat(line.path("value").path("channel").asText()).isEqualTo("EMAIL");
        assertThat(line.path("value").path("customer").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(line.path("value").path("occurredAt").asText()).endsWith("Z");
    }

    @Test
    void ackAndUpdateGoThroughTheResponderApiForAKnownComplaintAndRefuseAnUnknownOne(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("cli-ack");
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3, suffix);
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
        String known = stack.uniqueName("complaint");
        String unknown = stack.uniqueName("nobody");
        ComplaintEscalated escalated = SampleEvents.escalated(known);
        escalated.setFirstResponseDueAt(Instant.now().plus(Duration.ofHours(1)));
        send(stack, topics.complaintsEscalated(), known, escalated);
        Map<String, String> responderEnv = Map.of("HEED_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "HEED_REGISTRY_URL", stack.registryUrl(), "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "3",
                "HEED_RESPONDER_GROUP_ID", "responder" + suffix, "HEED_RESPONDER_PORT", "0", "HEED_RESPONDER_HOST", "127.0.0.1",
                "HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash("grace-token"));
        try (ResponderApplication responder = ResponderApplication.start(ResponderConfig.from(responderEnv), Clock.systemUTC(),
                d -> { }, t -> t)) {
            Map<String, String> env = Map.of("HEED_RESPONDER_URL", "http://127.0.0.1:" + responder.port(), "HEED_ACK_TOKEN", "grace-token");
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + responder.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

            CliRun nobody = CliRun.of(List.of("ack", unknown, "--note", "on it"), env);
            CliRun early = CliRun.of(List.of("update", known, "--message", "Nobody owns it yet"), env);
            CliRun first = CliRun.of(List.of("ack", known, "--note", "on it"), env);
            CliRun again = CliRun.of(List.of("ack", known), env);
            CliRun stranger = CliRun.of(List.of("ack", known), Map.of("HEED_RESPONDER_URL", env.get("HEED_RESPONDER_URL"), "HEED_ACK_TOKEN", "guess"));
            CliRun past = CliRun.of(List.of("ack", known, "--next-update", "2020-01-01T00:00:00Z"), env);
            CliRun kafkaFlags = CliRun.of(List.of("ack", known, "--bootstrap", stack.bootstrapServers()), env);
            String next = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            // The directory learns of the acknowledgement from its topic: the update API takes updates from then on.
            await().atMost(Duration.ofSeconds(30)).until(() -> CliRun.of(List.of("update", known, "--message", "The refund is approved.",
                    "--next-update-by", next, "--update-id", "cli-1"), env).status() == 0);
            CliRun updateAgain = CliRun.of(List.of("update", known, "--message", "The refund is approved.", "--next-update-by", next,
                    "--update-id", "cli-1"), env);
            CliRun updateNobody = CliRun.of(List.of("update", unknown, "--message", "m"), env);
            CliRun updatePast = CliRun.of(List.of("update", known, "--message", "m", "--next-update-by", "2020-01-01T00:00:00Z"), env);
            CliRun updateDelay = CliRun.of(List.of("update", known, "--message", "m", "--delay"), env);

            assertThat(nobody.status()).isEqualTo(1);
            assertThat(nobody.err()).contains(unknown, "404", "No such complaint");
            assertThat(first.status()).as(first.err()).isZero();
            assertThat(first.out()).startsWith("acknowledged " + known + " as grace at ");
            assertThat(again.status()).as(again.err()).isZero();
            assertThat(again.out()).startsWith(known + " was already acknowledged by grace at ").contains("nothing written");
            assertThat(stranger.status()).isEqualTo(1);
            assertThat(stranger.err()).contains("401");
            assertThat(past.status()).isEqualTo(2);
            assertThat(past.err()).contains("nextUpdateBy");
            assertThat(kafkaFlags.status()).isEqualTo(2);
            assertThat(kafkaFlags.err()).contains("unknown option --bootstrap");
            List<ComplaintAcknowledged> written = new ArrayList<>();
            readAll(stack, topics.complaintsAcknowledged(), written);
            assertThat(written).extracting(ComplaintAcknowledged::getComplaintId).containsExactly(known);
            assertThat(written.get(0).getSource()).isEqualTo(AckSource.CLI);
            assertThat(written.get(0).getNote()).isEqualTo("on it");

            assertThat(early.status()).isEqualTo(1);
            assertThat(early.err()).contains(known, "409");
            assertThat(updateAgain.status()).as(updateAgain.err()).isZero();
            assertThat(updateAgain.out()).startsWith("update cli-1 of " + known + " given as grace at ")
                    .endsWith("; next update promised by " + next + "\n");
            assertThat(updateNobody.status()).isEqualTo(1);
            assertThat(updateNobody.err()).contains(unknown, "404");
            assertThat(updatePast.status()).isEqualTo(2);
            assertThat(updatePast.err()).contains("nextUpdateBy");
            assertThat(updateDelay.status()).isEqualTo(2);
            List<ComplaintUpdated> updates = new ArrayList<>();
            readAll(stack, topics.complaintsUpdated(), updates);
            // The retry is written again (routing applies an update id once; the responder sends it once).
            assertThat(updates).extracting(ComplaintUpdated::getComplaintId, ComplaintUpdated::getUpdateId, ComplaintUpdated::getAgent)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(known, "cli-1", "grace")).hasSize(2);
            assertThat(updates.get(0).getNextUpdateBy()).isEqualTo(Instant.parse(next));

            // Resolved, then reopened with a promise; each only once in its turn. The directory learns of each at once.
            CliRun resolve = CliRun.of(List.of("resolve", known, "--message", "The refund reached your account.", "--update-id", "cli-r"), env);
            CliRun resolveAgain = CliRun.of(List.of("resolve", known, "--message", "Done."), env);
            CliRun reopen = CliRun.of(List.of("reopen", known, "--message", "The refund bounced.", "--next-update-by", next), env);
            CliRun reopenAgain = CliRun.of(List.of("reopen", known, "--message", "Again."), env);
            CliRun resolveNobody = CliRun.of(List.of("resolve", unknown, "--message", "m"), env);
            CliRun resolvePromise = CliRun.of(List.of("resolve", known, "--message", "m", "--next-update-by", next), env);

            assertThat(resolve.status()).as(resolve.err()).isZero();
            assertThat(resolve.out()).startsWith("resolution cli-r: " + known + " resolved as grace at ");
            assertThat(resolveAgain.status()).isEqualTo(1);
            assertThat(resolveAgain.err()).contains("heed resolve", known, "409", "resolved by grace");
            assertThat(reopen.status()).as(reopen.err()).isZero();
            assertThat(reopen.out()).contains(known + " reopened as grace").endsWith("; next update promised by " + next + "\n");
            assertThat(reopenAgain.status()).isEqualTo(1);
            assertThat(reopenAgain.err()).contains("heed reopen", "409", "not resolved");
            assertThat(resolveNobody.status()).isEqualTo(1);
            assertThat(resolveNobody.err()).contains(unknown, "404");
            assertThat(resolvePromise.status()).isEqualTo(2);
            List<ComplaintUpdated> actions = new ArrayList<>();
            readAll(stack, topics.complaintsUpdated(), actions);
            assertThat(actions).extracting(ComplaintUpdated::getUpdateId, ComplaintUpdated::getAction).endsWith(
                    org.assertj.core.groups.Tuple.tuple("cli-r", dev.heed.events.UpdateAction.RESOLVE),
                    org.assertj.core.groups.Tuple.tuple(reopen.out().split(" ")[1].replace(":", ""), dev.heed.events.UpdateAction.REOPEN));
            assertThat(actions).hasSize(4);
        }
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

        CliRun tail = heed(stack, "tail", topic, "--from-beginning", "--max", "3", "--for", "30");

        assertThat(tail.status()).as(tail.err()).isZero();
        List<JsonNode> lines = tail.out().lines().map(HeedCliIT::json).toList();
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

        CliRun status = heed(stack, "status");

        assertThat(status.status()).isZero();
        assertThat(status.out()).contains("feedback.received", "routing.dlq", "CONSUMER GROUP", "OPEN COMPLAINTS");
    }

    @Test
    void badUsageShouldExitWithTwoAndSayWhy(Stack stack) {
        assertThat(heed(stack, "send", "--rating", "1").err()).contains("--text is required");
        assertThat(heed(stack, "send", "--text", "x", "--rating", "9").status()).isEqualTo(2);
        assertThat(heed(stack, "frobnicate").status()).isEqualTo(2);
        assertThat(CliRun.of(List.of("ack", "x", "--agent", "a", "--bogus", "1"), Map.of()).err()).contains("unknown option --bogus");
    }

    @Test
    void unreachableKafkaShouldFailWithStatusOne(Stack stack) {
        CliRun result = CliRun.of(List.of("send", "--text", "hello", "--bootstrap", "127.0.0.1:1", "--registry", stack.registryUrl()),
                Map.of("HEED_KAFKA_MAX_BLOCK_MS", "2000"));

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("heed send failed");
    }

    private static <V> void send(Stack stack, Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private static <V> void readAll(Stack stack, Topic<String, V> topic, List<V> into) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            new TopicReader<>(consumer, topic.name(), Duration.ofSeconds(30)).readToEnd(r -> into.add(r.value()));
        }
    }

    private static JsonNode json(String line) {
        try {
            return JsonView.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRun heed(Stack stack, String... words) {
        List<String> argv = new ArrayList<>(List.of(words));
        argv.addAll(List.of("--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()));
        return CliRun.of(argv, Map.of());
    }
}
