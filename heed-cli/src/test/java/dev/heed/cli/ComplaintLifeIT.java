package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.DueKind;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.routing.app.RoutingConfig;
import dev.heed.routing.app.RoutingService;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One complaint's whole life through routing and the responder on a real broker and registry, with a real SMTP
 * server, driven by the CLI as an agent would: escalated, acknowledged with a promised update, the promise broken
 * (PROMISE_BROKEN once), an update with a new promise (sent twice under one update id, as a client's retry), and the
 * customer told it once. Routing runs on the wall clock with a short repeat, and the promise is a few seconds away,
 * so its points fall due within the test; every topic is then read back with read_committed and checked for repeats.
 */
@ExtendWith(LocalStackExtension.class)
class ComplaintLifeIT {
    // A first-response target long enough that the acknowledgement comes first; promise repeats every 2 s.
    private static final String POLICY = "it-critical: severity=CRITICAL target=10m warn=0.5 repeat=2s climb-after=1;"
            + "it-high: severity=HIGH target=10m warn=0.5 repeat=2s climb-after=1;"
            + "it-medium: severity=MEDIUM target=10m warn=0.5 repeat=2s climb-after=1;"
            + "it-low: severity=LOW target=10m warn=0.5 repeat=2s climb-after=1";
    private static final String TOKEN = "life-agent-token";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aComplaintIsAnsweredAcknowledgedWithAPromiseThatBreaksThenUpdatedAndTheCustomerIsToldOnce(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("life");
        HeedTopics topics = topics(stack, suffix);
        String id = stack.uniqueName("complaint");
        String email = id + "@example.com";
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> common = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "3", "HEED_KAFKA_METADATA_MAX_AGE_MS", "1000",
                "HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN), "HEED_SLA_POLICIES", POLICY);
        try (RoutingService routing = routing(stack, common);
             ResponderApplication responder = responder(stack, common, smtp)) {
            String responderUrl = "http://127.0.0.1:" + responder.port();
            Map<String, String> cli = Map.of("HEED_RESPONDER_URL", responderUrl, "HEED_ACK_TOKEN", TOKEN);
            awaitReady(responderUrl);

            send(stack, topics.feedbackReceived(), id, feedback(id, email));
            await().atMost(WAIT).until(() -> read(stack, topics.complaintsEscalated(), id).size() == 1);
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);

            // The acknowledgement promises an update a few seconds from now; nobody gives it in time.
            String promised = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
            CliRun ack = await().atMost(WAIT).until(() -> CliRun.of(List.of("ack", id, "--next-update", promised), cli),
                    run -> run.status() == 0);
            assertThat(ack.out()).startsWith("acknowledged " + id + " as grace");
            await().atMost(WAIT).until(() -> kinds(read(stack, topics.responseDue(), id)).contains(DueKind.PROMISE_BROKEN));

            String next = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
            List<String> update = List.of("update", id, "--message", "Your refund was approved today.", "--next-update-by", next,
                    "--update-id", "life-1");
            CliRun first = CliRun.of(update, cli);
            CliRun retry = CliRun.of(update, cli);
            assertThat(first.status()).as(first.err()).isZero();
            assertThat(retry.status()).as(retry.err()).isZero();

            // Routing applied the update once: two promises made (the acknowledgement's and the update's), one broken.
            ComplaintState state = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getPromisesMade() == 2);
            assertThat(state.getPromisesBroken()).isEqualTo(1);
            assertThat(state.getPromisesKept()).isZero();
            assertThat(state.getNextUpdateBy()).isEqualTo(Instant.parse(next));
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 2);
            // The broken promise's reminders end with the update; the new promise is an hour away.
            int promisePoints = promisePoints(read(stack, topics.responseDue(), id));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> promisePoints(read(stack, topics.responseDue(), id)) == promisePoints);

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(2);
            assertThat(mails[0].getHeader("X-Heed-Template")[0]).startsWith("complaint-ack/");
            assertThat(mails[1].getHeader("X-Heed-Template")[0]).startsWith("complaint-update/");
            assertThat(mails[1].getMessageID()).isEqualTo("<" + MessageIds.update(id, "life-1") + "@heed>");
            assertThat(mails[1].getContent().toString()).contains("Your refund was approved today.", "hear from us again by");

            List<ResponseDue> dues = read(stack, topics.responseDue(), id);
            assertThat(dues).filteredOn(d -> d.getKind() == DueKind.PROMISE_BROKEN).singleElement()
                    .satisfies(d -> assertThat(d.getPromisedAt()).isEqualTo(Instant.parse(promised)));
            assertThat(dues).extracting(ResponseDue::getReminderNumber).doesNotHaveDuplicates();
            assertThat(read(stack, topics.complaintsEscalated(), id)).hasSize(1);
            assertThat(read(stack, topics.complaintsAcknowledged(), id)).hasSize(1);
            // Every request is written (the retry too); routing and the responder act on an update id once.
            assertThat(read(stack, topics.complaintsUpdated(), id)).extracting(ComplaintUpdated::getUpdateId)
                    .containsExactly("life-1", "life-1");
            List<ResponseSent> sent = read(stack, topics.responsesSent(), id);
            assertThat(sent).extracting(ResponseSent::getMessageId).doesNotHaveDuplicates();
            assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_REPLY).singleElement()
                    .satisfies(s -> assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT));
            assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_UPDATE).singleElement().satisfies(s -> {
                assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
                assertThat(s.getRecipient()).isEqualTo(email);
            });

            // Resolved: routing's state row says by whom, and the customer is told in the resolution's own template.
            CliRun resolve = CliRun.of(List.of("resolve", id, "--message", "The refund is in your account.", "--update-id", "life-r"), cli);
            assertThat(resolve.status()).as(resolve.err()).isZero();
            ComplaintState resolved = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.RESOLVED);
            assertThat(resolved.getResolvedBy()).isEqualTo("grace");
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 3);
            assertThat(smtp.getReceivedMessages()[2].getHeader("X-Heed-Template")[0]).startsWith("complaint-resolved/");
            assertThat(smtp.getReceivedMessages()[2].getContent().toString()).contains("The refund is in your account.");
            assertThat(CliRun.of(List.of("resolve", id, "--message", "Again."), cli).status()).isEqualTo(1);
            // Reopened: routing says REOPENED, the customer gets the reopening's template.
            CliRun reopen = CliRun.of(List.of("reopen", id, "--message", "The bank sent it back.", "--update-id", "life-o"), cli);
            assertThat(reopen.status()).as(reopen.err()).isZero();
            await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.REOPENED && s.getResolvedBy() == null);
            await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 4);
            assertThat(smtp.getReceivedMessages()[3].getHeader("X-Heed-Template")[0]).startsWith("complaint-reopened/");
        } finally {
            smtp.stop();
        }
    }

    /** The Heed topics under {@code suffix}, created with 3 partitions. */
    static HeedTopics topics(Stack stack, String suffix) throws Exception {
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3, suffix);
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
        return topics;
    }

    /** Routing on {@code common}'s broker and topics with the real classifier, punctuating every 100 ms on the wall clock. */
    static RoutingService routing(Stack stack, Map<String, String> common) throws Exception {
        return RoutingService.start(RoutingConfig.from(with(common, Map.of(
                "HEED_ROUTING_APPLICATION_ID", stack.uniqueName("routing"), "HEED_ROUTING_HTTP_PORT", "0",
                "HEED_ROUTING_STATE_DIR", stack.tempStateDir().toString(), "HEED_ROUTING_PUNCTUATE_INTERVAL", "100ms"))),
                FeedbackClassifier.loadDefault(), InstantSource.system());
    }

    /** A responder on {@code common}'s broker and topics, its own group, a free port on loopback, sending e-mail to {@code smtp}. */
    static ResponderApplication responder(Stack stack, Map<String, String> common, GreenMail smtp) throws Exception {
        return ResponderApplication.start(ResponderConfig.from(with(common, Map.of(
                "HEED_RESPONDER_GROUP_ID", stack.uniqueName("responder"), "HEED_RESPONDER_PORT", "0",
                "HEED_RESPONDER_HOST", "127.0.0.1", "HEED_SMTP_HOST", "127.0.0.1",
                "HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()), "HEED_ESCALATION_WAIT", "20s"))),
                Clock.systemUTC(), Sleeper.system(), t -> t);
    }

    static FeedbackReceived feedback(String id, String email) {
        Instant now = Instant.now();
        FeedbackReceived feedback = SampleEvents.feedback(id);
        feedback.getCustomer().setEmail(email);
        feedback.setText("I was charged twice for my order and nobody answers the phone. I want a refund.");
        feedback.setOccurredAt(now);
        feedback.setReceivedAt(now);
        return feedback;
    }

    private static List<DueKind> kinds(List<ResponseDue> dues) {
        return dues.stream().map(ResponseDue::getKind).toList();
    }

    private static int promisePoints(List<ResponseDue> dues) {
        return (int) dues.stream().filter(d -> d.getKind().name().startsWith("PROMISE_")).count();
    }

    static <V> V last(List<V> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        return env;
    }

    static void awaitReady(String url) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(WAIT).until(() -> http.send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    static <V> void send(Stack stack, Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    /** Every committed record of {@code key} on the topic, in offset order (one key is on one partition). */
    static <V> List<V> read(Stack stack, Topic<String, V> topic, String key) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<V> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && record.value() != null) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }
}
