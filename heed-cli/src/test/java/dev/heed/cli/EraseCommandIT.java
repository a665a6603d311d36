package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code heed erase} against the real broker and registry: two customers on the topics, one of them erased. */
@ExtendWith(LocalStackExtension.class)
class EraseCommandIT {
    private static final String ADA = "Ada@Example.com";

    @Test
    void shouldReportExactlyHerRecordsAndTombstoneOnlyHerClosedComplaintsAndADryRunShouldWriteNothing(Stack stack) throws Exception {
        Setup s = new Setup(stack, "erase");
        RecordMetadata ada1 = s.send(s.topics.feedbackReceived(), s.ada1, feedback(s.ada1, "c-ada", "ada@example.com"));
        RecordMetadata ada2 = s.send(s.topics.feedbackReceived(), s.ada2, feedback(s.ada2, null, "ADA@example.com"));
        s.send(s.topics.feedbackReceived(), s.grace1, feedback(s.grace1, "c-grace", "grace@example.com"));
        s.send(s.topics.complaintsState(), s.ada2, SampleEvents.state(s.ada2));
        s.send(s.topics.complaintsState(), s.grace1, SampleEvents.state(s.grace1));
        RecordMetadata sent = s.send(s.topics.responsesSent(), s.ada1, SampleEvents.responseSent(s.ada1));
        s.sendRaw(s.topics.routingDlq().name(), s.ada1, new byte[] {42});
        s.sendRaw(s.topics.routingDlq().name(), s.grace1, new byte[] {42});
        // Routing opened and then closed ada2's clock: its changelog holds the entry and routing's tombstone.
        String clocks = s.appId + "-sla-open-clocks-store-changelog";
        stack.createTopic(clocks, 3, Map.of("cleanup.policy", "compact"));
        s.sendRaw(clocks, s.ada2, new byte[] {1});
        s.sendRaw(clocks, s.ada2, null);
        long stateEnd = s.endOffsets(s.topics.complaintsState().name());
        long clocksEnd = s.endOffsets(clocks);

        Result dry = s.erase("--email", ADA, "--dry-run");

        assertThat(dry.status).as(dry.err).isZero();
        Map<String, JsonNode> report = dry.byTopic();
        assertThat(dry.lines().get(0).path("feedbackIds")).extracting(JsonNode::asText).containsExactly(s.ada1, s.ada2);
        JsonNode received = report.get(s.topics.feedbackReceived().name());
        assertThat(received.path("records").asInt()).isEqualTo(2);
        assertThat(offsets(received)).containsExactlyInAnyOrder(ada1.partition() + ":" + ada1.offset(), ada2.partition() + ":" + ada2.offset());
        Instant newest = Instant.ofEpochMilli(Math.max(ada1.timestamp(), ada2.timestamp()));
        assertThat(received.path("newest").asText()).isEqualTo(newest.toString());
        assertThat(received.path("removedBy").asText()).isEqualTo(newest.plus(Duration.ofDays(7)).toString());
        assertThat(received.path("segmentMs").asLong()).isEqualTo(Duration.ofDays(1).toMillis());
        assertThat(received.path("removedByLatest").asText()).isEqualTo(newest.plus(Duration.ofDays(8).plusMinutes(5)).toString());
        assertThat(offsets(report.get(s.topics.responsesSent().name()))).containsExactly(sent.partition() + ":" + sent.offset());
        assertThat(report.get(s.topics.routingDlq().name()).path("records").asInt()).isEqualTo(1);
        assertThat(report.get(s.topics.complaintsEscalated().name()).path("action").asText()).isEqualTo("nothing held");
        JsonNode state = report.get(s.topics.complaintsState().name());
        assertThat(state.path("records").asInt()).isEqualTo(1);
        assertThat(state.path("removedBy").asText()).isEqualTo("never");
        assertThat(state.path("action").asText()).isEqualTo("would write 1 tombstone(s) [" + s.ada2 + "]");
        assertThat(report.get(clocks).path("records").asInt()).isEqualTo(2);
        assertThat(report.get(clocks).path("action").asText()).startsWith("routing has already deleted");
        assertThat(s.endOffsets(s.topics.complaintsState().name())).isEqualTo(stateEnd);

        Result erase = s.erase("--email", ADA);

        assertThat(erase.status).as(erase.err).isZero();
        assertThat(erase.byTopic().get(s.topics.complaintsState().name()).path("action").asText()).isEqualTo("wrote 1 tombstone(s) [" + s.ada2 + "]");
        List<ConsumerRecord<String, byte[]>> after = s.readAll(s.topics.complaintsState().name());
        assertThat(after).hasSize(3);
        assertThat(after.stream().filter(r -> r.value() == null).map(ConsumerRecord::key)).containsExactly(s.ada2);
        assertThat(after.stream().filter(r -> r.key().equals(s.grace1)).map(r -> r.value() != null)).containsExactly(true);
        assertThat(s.endOffsets(clocks)).as("routing's changelog is routing's to write").isEqualTo(clocksEnd);
        assertThat(s.readAll(s.topics.feedbackReceived().name())).hasSize(3);
    }

    @Test
    void customerIdAndGivenFeedbackIdsShouldFindTheirRecordsToo(Stack stack) throws Exception {
        Setup s = new Setup(stack, "erase-id");
        s.send(s.topics.feedbackReceived(), s.ada1, feedback(s.ada1, "c-ada", "ada@example.com"));
        s.send(s.topics.feedbackReceived(), s.grace1, feedback(s.grace1, "c-grace", "grace@example.com"));
        s.send(s.topics.complaintsAcknowledged(), s.ada2, SampleEvents.acknowledged(s.ada2));

        Result result = s.erase("--customer-id", "c-ada", "--feedback-id", s.ada2, "--dry-run");

        assertThat(result.status).as(result.err).isZero();
        assertThat(result.lines().get(0).path("feedbackIds")).extracting(JsonNode::asText).containsExactly(s.ada1, s.ada2);
        assertThat(result.byTopic().get(s.topics.feedbackReceived().name()).path("records").asInt()).isEqualTo(1);
        assertThat(result.byTopic().get(s.topics.complaintsAcknowledged().name()).path("records").asInt()).isEqualTo(1);
    }

    @Test
    void anOpenComplaintShouldNotBeTombstonedAndTheEraseShouldNotPassForDone(Stack stack) throws Exception {
        Setup s = new Setup(stack, "erase-open");
        s.send(s.topics.feedbackReceived(), s.ada1, feedback(s.ada1, "c-ada", "ada@example.com"));
        ComplaintState open = SampleEvents.state(s.ada1);
        open.setStatus(ComplaintStatus.BREACHED);
        s.send(s.topics.complaintsState(), s.ada1, open);
        long stateEnd = s.endOffsets(s.topics.complaintsState().name());

        Result result = s.erase("--email", "ada@example.com");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.err).contains("[" + s.ada1 + "] are still open", "heed ack");
        assertThat(s.endOffsets(s.topics.complaintsState().name())).isEqualTo(stateEnd);
    }

    @Test
    void aCustomerHeedHasNeverHeardOfShouldBeReportedAsNothingToErase(Stack stack) throws Exception {
        Setup s = new Setup(stack, "erase-nobody");
        s.send(s.topics.feedbackReceived(), s.grace1, feedback(s.grace1, "c-grace", "grace@example.com"));

        Result result = s.erase("--email", "nobody@example.com");

        assertThat(result.status).as(result.err).isZero();
        assertThat(result.lines()).hasSize(1);
        assertThat(result.lines().get(0).path("feedbackIds").size()).isZero();
        assertThat(result.err).contains("nothing to erase");
    }

    @Test
    void anUnreachableBrokerShouldFailWithStatusOneAndWrongUsageWithTwo(Stack stack) {
        Result unreachable = run(List.of("erase", "--email", "ada@example.com", "--bootstrap", "127.0.0.1:1", "--registry", stack.registryUrl()),
                Map.of("HEED_KAFKA_DEFAULT_API_TIMEOUT_MS", "3000", "HEED_KAFKA_REQUEST_TIMEOUT_MS", "2000"));
        Result unknown = run(List.of("erase", "--mail", "ada@example.com", "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()), Map.of());
        Result nobody = run(List.of("erase", "--dry-run", "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()), Map.of());

        assertThat(unreachable.status).as(unreachable.err).isEqualTo(1);
        assertThat(unreachable.err).contains("heed erase failed");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("unknown option --mail");
        assertThat(nobody.status).isEqualTo(2);
        assertThat(nobody.err).contains("say whose data to erase");
    }

    private static FeedbackReceived feedback(String id, String customerId, String email) {
        FeedbackReceived feedback = SampleEvents.feedback(id);
        feedback.setCustomer(Customer.newBuilder(SampleEvents.customer()).setId(customerId).setEmail(email).build());
        return feedback;
    }

    private static List<String> offsets(JsonNode line) {
        List<String> offsets = new ArrayList<>();
        line.path("partitions").fields().forEachRemaining(e -> e.getValue().forEach(o -> offsets.add(e.getKey() + ":" + o.asLong())));
        return offsets;
    }

    /** Heed's topics under a suffix of their own and a routing application id of their own, so tests do not meet. */
    private static final class Setup {
        final Stack stack;
        final String suffix;
        final String appId;
        final HeedTopics topics;
        final String ada1;
        final String ada2;
        final String grace1;

        Setup(Stack stack, String name) {
            this.stack = stack;
            this.suffix = "." + stack.uniqueName(name);
            this.appId = "routing" + suffix;
            // As the services create them: personal-data topics with HEED_PERSONAL_DATA_RETENTION's default (7 days).
            this.topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3, suffix,
                    Duration.ofDays(7));
            TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
            this.ada1 = "ada-1" + suffix;
            this.ada2 = "ada-2" + suffix;
            this.grace1 = "grace-1" + suffix;
        }

        <V> RecordMetadata send(Topic<String, V> topic, String key, V value) throws Exception {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    topic.keySerde().serializer(), topic.valueSerde().serializer())) {
                return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
            }
        }

        void sendRaw(String topic, String key, byte[] value) throws Exception {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
            }
        }

        long endOffsets(String topic) {
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
                return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            }
        }

        List<ConsumerRecord<String, byte[]>> readAll(String topic) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                new TopicReader<>(consumer, topic, Duration.ofSeconds(30)).readToEnd(records::add);
            }
            return records;
        }

        Result erase(String... words) {
            List<String> argv = new ArrayList<>(List.of("erase"));
            argv.addAll(List.of(words));
            argv.addAll(List.of("--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()));
            return run(argv, Map.of("HEED_TOPIC_SUFFIX", suffix, "HEED_ROUTING_APPLICATION_ID", appId));
        }
    }

    private static Result run(List<String> argv, Map<String, String> env) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Heed.run(argv, new HashMap<>(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new AtomicBoolean());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
        List<JsonNode> lines() {
            return out.lines().map(line -> {
                try {
                    return JsonView.MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }

        Map<String, JsonNode> byTopic() {
            Map<String, JsonNode> byTopic = new LinkedHashMap<>();
            lines().stream().filter(l -> l.has("topic")).forEach(l -> byTopic.put(l.path("topic").asText(), l));
            return byTopic;
        }
    }
}
