package dev.heed.routing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.AckSource;
import dev.heed.events.Channel;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.DueKind;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.UpdateAction;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.deadletter.DeadLetters;
import dev.heed.routing.reply.ReplyKeys;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routing service on a real broker and registry, with short policies (4 s target, a warning at half,
 * repeats every 2 s) so due points arrive within seconds.
 */
@ExtendWith(LocalStackExtension.class)
class RoutingServiceIT {

    // Short policies for every severity, so the test does not depend on how the classifier grades the text.
    private static final String POLICY = "it-critical: severity=CRITICAL target=4s warn=0.5 repeat=2s climb-after=1;"
            + "it-high: severity=HIGH target=4s warn=0.5 repeat=2s climb-after=1;"
            + "it-medium: severity=MEDIUM target=4s warn=0.5 repeat=2s climb-after=1;"
            + "it-low: severity=LOW target=4s warn=0.5 repeat=2s climb-after=1";
    private static final Duration LATE_BOUND = Duration.ofSeconds(3);
    private static final String AGENT_TOKEN = "it-agent-token";

    private final Stack stack;
    private HeedTopics topics;
    private Map<String, String> env;

    RoutingServiceIT(Stack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void configure() throws IOException {
        topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 6);
        env = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_ROUTING_APPLICATION_ID", stack.uniqueName("routing"), "HEED_ROUTING_HTTP_PORT", String.valueOf(freePort()),
                "HEED_ROUTING_STATE_DIR", stack.tempStateDir().toString(), "HEED_ROUTING_PUNCTUATE_INTERVAL", "200ms",
                "HEED_SLA_POLICIES", POLICY, "HEED_ACK_TOKENS", "agent:it-agent:" + TokenStore.hash(AGENT_TOKEN));
    }

    @Test
    void feedbackIsEscalatedRemindedOnTimeUntilAcknowledgedAndPoisonIsDeadLetteredUnderExactlyOnce() {
        String id = stack.uniqueName("complaint");
        try (RoutingService service = start();
             var escalated = reader(topics.complaintsEscalated().name(), topics.complaintsEscalated().valueSerde().deserializer(), id);
             var due = reader(topics.responseDue().name(), topics.responseDue().valueSerde().deserializer(), id)) {
            String poison = stack.uniqueName("poison");
            String tombstone = stack.uniqueName("tombstone");
            produce(topics.feedbackReceived().name(), poison, new byte[] {42, 42, 42});
            produce(topics.feedbackReceived().name(), tombstone, null);
            send(id);

            ComplaintEscalated escalation = await().atMost(Duration.ofSeconds(60)).until(escalated::poll, l -> !l.isEmpty()).get(0);
            assertThat(escalation.getPolicyName()).startsWith("it-");
            // Escalated by routing's clock after the feedback was accepted; the promise counts from acceptance.
            assertThat(escalation.getEscalatedAt()).isBetween(escalation.getReceivedAt(), Instant.now());
            assertThat(escalation.getFirstResponseDueAt()).isEqualTo(escalation.getReceivedAt().plusSeconds(4));
            List<ResponseDue> firstTwo = await().atMost(Duration.ofSeconds(30)).until(due::poll, l -> l.size() >= 2);
            assertThat(firstTwo).extracting(ResponseDue::getKind).startsWith(DueKind.WARNING, DueKind.BREACH);
            firstTwo.forEach(RoutingServiceIT::assertOnTime);
            assertTheHttpSurfaceShowsTheBreach(service.httpPort(), id);

            acknowledge(id);
            int atAck = await().atMost(Duration.ofSeconds(10)).until(() -> due.poll().size(), n -> n >= 2);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> due.poll().size() <= atAck + 1);
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
            try (var dead = reader(topics.routingDlq().name(), new ByteArrayDeserializer(), poison)) {
                assertThat(await().atMost(Duration.ofSeconds(30)).until(dead::poll, l -> !l.isEmpty()).get(0))
                        .containsExactly(42, 42, 42);
            }
            ConsumerRecord<String, byte[]> deadTombstone = deadLetter(tombstone);
            assertThat(deadTombstone.value()).isNull();
            assertThat(header(deadTombstone, DeadLetters.MESSAGE)).startsWith("NULL_VALUE");
            assertThat(header(deadTombstone, DeadLetters.TOPIC)).isEqualTo(topics.feedbackReceived().name());
        }
    }

    @Test
    void customerRepliesByReferenceAndByComplaintIdReachTheirComplaintAndTheReplyItWaitedOnTakesItOffHold() {
        String id = stack.uniqueName("complaint");
        String reference = stack.uniqueName("order");
        Customer customer = Customer.newBuilder().setId("k-" + id).build();
        try (RoutingService service = start();
             var states = reader(topics.complaintsState().name(), topics.complaintsState().valueSerde().deserializer(), id)) {
            send(id, customer, reference, null, "The charger caught fire. I will sue.");
            acknowledge(id);
            ComplaintUpdated wait = ComplaintUpdated.newBuilder().setComplaintId(id).setUpdateId("wait-" + id).setUpdatedAt(Instant.now())
                    .setAgent("it-agent").setMessage("Could you send us the receipt?").setAction(UpdateAction.WAIT_ON_CUSTOMER).build();
            produce(topics.complaintsUpdated().name(), id, topics.complaintsUpdated().valueSerde().serializer()
                    .serialize(topics.complaintsUpdated().name(), wait));
            await().atMost(Duration.ofSeconds(60)).until(states::poll,
                    rows -> rows.stream().anyMatch(row -> row.getStatus() == ComplaintStatus.WAITING_ON_CUSTOMER));
            // Replies arrive on their own event ids' partitions and find the complaint in the global index, from its own topic.
            await().atMost(Duration.ofSeconds(60)).until(() -> service.replyIndex(ReplyKeys.open(id)), id::equals);
            send(stack.uniqueName("reply"), customer, reference, null, "It caught fire again, I want a refund now.");
            send(stack.uniqueName("reply"), Customer.newBuilder().setEmail("k@example.org").build(), null, id, "Here is the receipt.");

            ComplaintState last = await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<ComplaintState> rows = states.poll();
                return rows.isEmpty() ? null : rows.get(rows.size() - 1);
            }, row -> row != null && row.getReplies() == 2);
            assertThat(last.getStatus()).as("the reply it waited on took it off hold").isEqualTo(ComplaintStatus.ACKNOWLEDGED);
            assertThat(last.getPauses()).isEqualTo(1);
            assertThat(last.getPausedMillis()).isPositive();
            assertThat(service.replyIndex(ReplyKeys.references(customer.getId(), null, null, reference).get(0))).isEqualTo(id);
        }
    }

    @Test
    void aComplaintLeftWaitingOnItsCustomerIsClosedByRoutingOnceWithOneUpdateForTheCustomer() {
        String id = stack.uniqueName("complaint");
        Map<String, String> closing = new java.util.HashMap<>(env);
        closing.put("HEED_SLA_POLICIES", POLICY.replace("climb-after=1", "climb-after=1 auto-close=3s"));
        try (RoutingService service = start(closing);
             var states = reader(topics.complaintsState().name(), topics.complaintsState().valueSerde().deserializer(), id);
             var updates = reader(topics.complaintsUpdated().name(), topics.complaintsUpdated().valueSerde().deserializer(), id)) {
            send(id);
            acknowledge(id);
            ComplaintUpdated wait = ComplaintUpdated.newBuilder().setComplaintId(id).setUpdateId("wait-" + id).setUpdatedAt(Instant.now())
                    .setAgent("it-agent").setMessage("Could you send us the receipt?").setAction(UpdateAction.WAIT_ON_CUSTOMER).build();
            produce(topics.complaintsUpdated().name(), id, topics.complaintsUpdated().valueSerde().serializer()
                    .serialize(topics.complaintsUpdated().name(), wait));

            ComplaintState closed = await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<ComplaintState> rows = states.poll();
                return rows.stream().filter(ComplaintState::getAutoClosed).findFirst().orElse(null);
            }, java.util.Objects::nonNull);
            assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
            assertThat(closed.getResolvedAt()).isEqualTo(wait.getUpdatedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(3));
            // Exactly one, also for five seconds after: a later punctuation finds nothing more to close.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> closes(updates.poll()).size() == 1);
            assertThat(closes(updates.poll())).extracting(ComplaintUpdated::getUpdateId, ComplaintUpdated::getAction)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("auto-close:" + id + ":1", UpdateAction.RESOLVE));
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aRestartMidClockResumesWithNoReminderLostOrRepeated() {
        String id = stack.uniqueName("complaint");
        try (var due = reader(topics.responseDue().name(), topics.responseDue().valueSerde().deserializer(), id)) {
            try (RoutingService service = start()) {
                send(id);
                await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> !l.isEmpty());
            }
            Instant stoppedAt = Instant.now();
            // While stopped, the breach and a repeat fall due; the restarted service must emit them once each.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(stoppedAt.plusSeconds(5)));
            try (RoutingService service = start()) {
                List<ResponseDue> events = await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> l.size() >= 5);
                assertThat(events).extracting(ResponseDue::getReminderNumber).startsWith(1, 2, 3, 4, 5).doesNotHaveDuplicates();
                assertThat(events).extracting(ResponseDue::getDueAt).isSorted();
                acknowledge(id);
            }
        }
    }

    @Test
    void aCleanRestartKeepsItsLocalStateAndRestoresNothingFromTheChangelogs() {
        String id = stack.uniqueName("complaint");
        try (var due = reader(topics.responseDue().name(), topics.responseDue().valueSerde().deserializer(), id)) {
            try (RoutingService service = start()) {
                send(id);
                await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> !l.isEmpty());
            }
            // Closed cleanly, so every store's offsets were committed with it: the second start reads its local
            // state as it was and restores nothing (a wiped task would restore the clock, at least).
            try (RoutingService service = start()) {
                await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> l.size() >= 3);
                assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(service.restores().restoredRecords()).as("records restored after a clean restart").isZero();
                acknowledge(id);
            }
        }
    }

    @Test
    void aRestartOnWipedLocalStateRestoresTheClockFromItsChangelogAndRebuildsItsDueIndex() {
        String id = stack.uniqueName("complaint");
        Map<String, String> wiped = new java.util.HashMap<>(env);
        wiped.put("HEED_ROUTING_STATE_DIR", stack.tempStateDir().resolve("wiped").toString());
        try (var due = reader(topics.responseDue().name(), topics.responseDue().valueSerde().deserializer(), id)) {
            try (RoutingService service = start()) {
                send(id);
                await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> !l.isEmpty());
            }
            // Another state directory: nothing local survives, so the clock comes back from the changelog only and
            // its due index (which has none) from the clock.
            try (RoutingService service = start(wiped)) {
                List<ResponseDue> events = await().atMost(Duration.ofSeconds(60)).until(due::poll, l -> l.size() >= 5);
                assertThat(events).extracting(ResponseDue::getReminderNumber).startsWith(1, 2, 3, 4, 5).doesNotHaveDuplicates();
                assertThat(events).extracting(ResponseDue::getDueAt).isSorted();
                acknowledge(id);
            }
        }
    }

    @Test
    void anInstanceAnswersForComplaintsHeldByAnotherInstance() throws IOException {
        List<String> ids = java.util.stream.IntStream.range(0, 12).mapToObj(i -> stack.uniqueName("spread")).toList();
        Map<String, String> second = new java.util.HashMap<>(env);
        second.put("HEED_ROUTING_HTTP_PORT", String.valueOf(freePort()));
        second.put("HEED_ROUTING_STATE_DIR", stack.tempStateDir().resolve("second").toString());
        try (RoutingService a = start(); RoutingService b = start(second)) {
            ids.forEach(this::send);
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(60)).until(() -> http(a.httpPort(), "/v1/complaints/" + id), r -> r.startsWith("200 "));
                assertThat(http(b.httpPort(), "/v1/complaints/" + id)).startsWith("200 ");
            }
            // Each key is held by exactly one instance and each instance holds some. A local store answers only between
            // rebalances (a follow-up or probing rebalance can start at any time after the second instance joins), so
            // the split is awaited rather than sampled once.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                long heldByA = ids.stream().filter(id -> http(a.httpPort(), "/v1/complaints/" + id + "?local=true").startsWith("200 ")).count();
                long heldByB = ids.stream().filter(id -> http(b.httpPort(), "/v1/complaints/" + id + "?local=true").startsWith("200 ")).count();
                assertThat(heldByA + heldByB).as("every complaint held by exactly one instance").isEqualTo(ids.size());
                assertThat(heldByA).as("both instances hold some complaints").isBetween(1L, (long) ids.size() - 1);
            });
            String overdue = await().atMost(Duration.ofSeconds(30)).until(() -> http(a.httpPort(), "/v1/complaints/overdue"),
                    r -> ids.stream().allMatch(r::contains));
            assertThat(overdue).startsWith("200 ");
            ids.forEach(this::acknowledge);
        }
    }

    private static void assertTheHttpSurfaceShowsTheBreach(int port, String id) {
        assertThat(http(port, "/health/ready", null)).startsWith("200 ");
        assertThat(http(port, "/health/live", null)).startsWith("200 ");
        // Who acknowledged what is for the acknowledge API's token holders only.
        assertThat(http(port, "/v1/complaints/" + id, null)).startsWith("401 ").contains("a bearer token is required");
        assertThat(http(port, "/v1/complaints/" + id, "Bearer not-a-token")).startsWith("401 ").contains("the token is not valid");
        assertThat(http(port, "/v1/complaints/overdue", null)).startsWith("401 ");
        // The state view reads complaints.state back, so the breach shows once that read has caught up.
        await().atMost(Duration.ofSeconds(20)).until(() -> http(port, "/v1/complaints/" + id), b -> b.contains("BREACHED"));
        assertThat(http(port, "/v1/complaints/overdue")).contains(id);
        assertThat(http(port, "/v1/complaints/nobody-" + id)).startsWith("404 ");
        await().atMost(Duration.ofSeconds(20)).until(() -> http(port, "/metrics", null),
                b -> b.contains("heed_routing_overdue_complaints") && b.contains("heed_routing_open_clocks")
                        && b.contains("heed_routing_dead_lettered_records_total") && b.contains("kafka_stream"));
    }

    private static String http(int port, String path) {
        return http(port, path, "Bearer " + AGENT_TOKEN);
    }

    /** Status and body of a GET, with this Authorization header (none when null). */
    private static String http(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.headers().firstValue("WWW-Authenticate").map(h -> "[" + h + "] ").orElse("")
                    + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withAnOpsPortHealthAndMetricsAreServedThereOnlyAndQueriesOnTheMainPortOnly() throws IOException {
        Map<String, String> withOps = new java.util.HashMap<>(env);
        withOps.put("HEED_ROUTING_OPS_PORT", String.valueOf(freePort()));
        try (RoutingService service = start(withOps)) {
            int main = service.httpPort();
            int ops = service.opsPort();
            assertThat(ops).isNotEqualTo(main);
            assertThat(http(ops, "/health/live", null)).startsWith("200 ");
            assertThat(http(ops, "/health/ready", null)).startsWith("200 ");
            assertThat(http(ops, "/metrics", null)).startsWith("200 ").contains("heed_routing_dead_lettered_records_total");
            assertThat(http(main, "/health/ready", null)).startsWith("404 ");
            assertThat(http(main, "/metrics", null)).startsWith("404 ");
            assertThat(http(main, "/v1/complaints/nobody")).startsWith("404 ").contains("urn:heed:problem:complaint-not-found");
            assertThat(http(ops, "/v1/complaints/nobody")).startsWith("404 ").contains("urn:heed:problem:not-found");
        }
    }

    /** The automatic closes among the updates (the test's own wait is there too). */
    private static List<ComplaintUpdated> closes(List<ComplaintUpdated> updates) {
        return updates.stream().filter(update -> update.getUpdateId().startsWith("auto-close:")).toList();
    }

    private static void assertOnTime(ResponseDue event) {
        assertThat(event.getEmittedAt()).isAfterOrEqualTo(event.getDueAt()).isBefore(event.getDueAt().plus(LATE_BOUND));
    }

    private RoutingService start() {
        return start(env);
    }

    private RoutingService start(Map<String, String> variables) {
        RoutingService service = RoutingService.start(RoutingConfig.from(variables), FeedbackClassifier.loadDefault(), InstantSource.system());
        await().atMost(Duration.ofSeconds(60)).until(service::state, KafkaStreams.State.RUNNING::equals);
        return service;
    }

    private <V> TopicReader<V> reader(String topic, org.apache.kafka.common.serialization.Deserializer<V> values, String key) {
        return new TopicReader<>(stack.bootstrapServers(), stack.uniqueName("reader"), topic, values, key);
    }

    private void send(String id, Customer customer, String reference, String replyTo, String text) {
        Instant now = Instant.now();
        FeedbackReceived feedback = FeedbackReceived.newBuilder().setEventId(id).setSourceSystem("it").setChannel(Channel.EMAIL)
                .setCustomer(customer).setText(text).setReference(reference).setReplyTo(replyTo).setOccurredAt(now).setReceivedAt(now).build();
        produce(topics.feedbackReceived().name(), id, topics.feedbackReceived().valueSerde().serializer()
                .serialize(topics.feedbackReceived().name(), feedback));
    }

    private void send(String id) {
        Instant now = Instant.now();
        FeedbackReceived feedback = FeedbackReceived.newBuilder().setEventId(id).setSourceSystem("it").setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().build()).setText("The charger caught fire. I will sue.").setRating(1)
                .setOccurredAt(now).setReceivedAt(now).build();
        produce(topics.feedbackReceived().name(), id, topics.feedbackReceived().valueSerde().serializer()
                .serialize(topics.feedbackReceived().name(), feedback));
    }

    private void acknowledge(String id) {
        ComplaintAcknowledged ack = ComplaintAcknowledged.newBuilder().setComplaintId(id).setAcknowledgementId("ack-" + id)
                .setAcknowledgedAt(Instant.now()).setAgent("it-agent").setSource(AckSource.API).build();
        produce(topics.complaintsAcknowledged().name(), id, topics.complaintsAcknowledged().valueSerde().serializer()
                .serialize(topics.complaintsAcknowledged().name(), ack));
    }

    private void produce(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** The dead letter of the record with this key, as it is on the topic (the reader above keeps values only). */
    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("dead"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.routingDlq().name()));
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
