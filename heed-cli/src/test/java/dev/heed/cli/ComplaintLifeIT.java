package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
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
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * One complaint's whole life (issue #21's must-show) through ingest, routing and the responder on a real broker and
 * registry, with a real SMTP server, driven by the CLI as an agent would and by the customer through the resolution
 * e-mail's signed link: escalated and answered; acknowledged with a promised update; the promise broken
 * ({@code PROMISE_BROKEN} once); routing and the responder restarted; an update with a new promise (sent twice under
 * one update id, as a client's retry) told to the customer once; resolved; the customer's verdict 1 of 5 reopens the
 * complaint and escalates it a level, and the billing queue's agent and team lead are told by e-mail with the customer's
 * score and words; resolved and reopened again by the agent, and the agents told of that too. Every topic is then read
 * back with read_committed and each kind of event of the complaint counted: none is there twice.
 *
 * <p>Routing punctuates on the wall clock (Kafka Streams' own), the responder on an injected clock that the test
 * holds five minutes behind while the acknowledgement is given: its promised time two seconds ahead of routing's clock
 * is then in the future for the responder however slow the machine, and routing breaks it whenever it gets there. The
 * test advances the responder's clock to routing's before the update, so the update comes after the broken promise.
 */
@ExtendWith(LocalStackExtension.class)
class ComplaintLifeIT {
    // A first-response target long enough that the acknowledgement comes first; promise repeats every 2 s, all at AGENT,
    // so that the level the customer's verdict climbs to is its own.
    private static final String POLICY = "it-critical: severity=CRITICAL target=10m warn=0.5 repeat=2s climb-after=100;"
            + "it-high: severity=HIGH target=10m warn=0.5 repeat=2s climb-after=100;"
            + "it-medium: severity=MEDIUM target=10m warn=0.5 repeat=2s climb-after=100;"
            + "it-low: severity=LOW target=10m warn=0.5 repeat=2s climb-after=100";
    private static final String TOKEN = "life-agent-token";
    private static final String SECRET = "the-verdict-secret-of-the-complaint-life";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration BEHIND = Duration.ofMinutes(5);
    private static final String AGENTS = "billing-agents@heed.example";
    private static final String LEAD = "billing-lead@heed.example";

    @Test
    void aComplaintsWholeLifeSurvivesARestartAndNoEventIsEmittedTwice(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("life");
        HeedTopics topics = topics(stack, suffix);
        String id = stack.uniqueName("complaint");
        String email = id + "@example.com";
        String routingId = stack.uniqueName("routing");
        Path stateDir = stack.tempStateDir();
        String responderGroup = stack.uniqueName("responder");
        OffsetClock clock = new OffsetClock();
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> common = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "3", "HEED_KAFKA_METADATA_MAX_AGE_MS", "1000",
                "HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN), "HEED_SLA_POLICIES", POLICY, "HEED_VERDICT_SECRET", SECRET);
        RoutingService routing = null;
        ResponderApplication responder = null;
        try (IngestApplication ingest = IngestApplication.start(IngestConfig.from(with(common, Map.of(
                "HEED_INGEST_HOST", "127.0.0.1", "HEED_INGEST_PORT", "0"))), Clock.systemUTC())) {
            Map<String, String> responderEnv = with(common, Map.of("HEED_RESPONDER_GROUP_ID", responderGroup,
                    "HEED_RESPONDER_PORT", "0", "HEED_RESPONDER_HOST", "127.0.0.1", "HEED_SMTP_HOST", "127.0.0.1",
                    "HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()), "HEED_ESCALATION_WAIT", "20s",
                    "HEED_VERDICT_URL", "http://127.0.0.1:" + ingest.port(), "HEED_AGENTS_BILLING_AGENT", "mailto:" + AGENTS,
                    "HEED_AGENTS_BILLING_TEAM_LEAD", "mailto:" + LEAD));
            // A closed Streams instance does not leave its group: the restarted one gets its tasks after the session timeout.
            Map<String, String> routingEnv = with(common, Map.of("HEED_KAFKA_SESSION_TIMEOUT_MS", "6000"));
            routing = routing(stack, routingEnv, routingId, stateDir);
            responder = responder(responderEnv, clock);
            Map<String, String> cli = cli(responder);

            send(stack, topics.feedbackReceived(), id, feedback(id, email));
            await().atMost(WAIT).until(() -> read(stack, topics.complaintsEscalated(), id).size() == 1);
            assertThat(read(stack, topics.complaintsEscalated(), id).get(0).getQueue()).as("the queue the agents are set for").isEqualTo("billing");
            await().atMost(WAIT).until(() -> mailsTo(smtp, email).size() == 1);

            // The acknowledgement promises an update two seconds ahead of routing's clock; nobody gives it in time.
            clock.set(BEHIND.negated());
            String promised = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
            CliRun ack = await().atMost(WAIT).until(() -> CliRun.of(List.of("ack", id, "--next-update", promised), cli),
                    run -> run.status() == 0);
            assertThat(ack.out()).startsWith("acknowledged " + id + " as grace");
            await().atMost(WAIT).until(() -> kinds(read(stack, topics.responseDue(), id)).contains(DueKind.PROMISE_BROKEN));

            // Restart both in the middle of the life: routing on its state directory, the responder in its group.
            responder.close();
            routing.close();
            routing = routing(stack, routingEnv, routingId, stateDir);
            responder = responder(responderEnv, clock);
            Map<String, String> again = cli(responder);

            clock.set(Duration.ZERO);
            String next = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
            List<String> update = List.of("update", id, "--message", "Your refund was approved today.", "--next-update-by", next,
                    "--update-id", "life-1");
            CliRun first = await().atMost(WAIT).until(() -> CliRun.of(update, again), run -> run.status() == 0);
            CliRun retry = CliRun.of(update, again);
            assertThat(retry.status()).as(retry.err()).isZero();
            assertThat(first.out()).isNotBlank();

            // Routing applied the update once: two promises made (the acknowledgement's and the update's), one broken.
            ComplaintState state = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getPromisesMade() == 2);
            assertThat(state.getPromisesBroken()).isEqualTo(1);
            assertThat(state.getPromisesKept()).isZero();
            assertThat(state.getNextUpdateBy()).isEqualTo(Instant.parse(next));
            await().atMost(WAIT).until(() -> mailsTo(smtp, email).size() >= 2);
            // The broken promise's reminders end with the update; the new promise is an hour away.
            int promisePoints = promisePoints(read(stack, topics.responseDue(), id));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                    .until(() -> promisePoints(read(stack, topics.responseDue(), id)) == promisePoints);
            MimeMessage updateMail = mailsTo(smtp, email).get(1);
            assertThat(updateMail.getHeader("X-Heed-Template")[0]).startsWith("complaint-update/");
            assertThat(updateMail.getMessageID()).isEqualTo("<" + MessageIds.update(id, "life-1") + "@heed>");
            assertThat(updateMail.getContent().toString()).contains("Your refund was approved today.", "hear from us again by");

            // Resolved: routing's state row says by whom, and the customer is told in the resolution's own template.
            CliRun resolve = CliRun.of(List.of("resolve", id, "--message", "The refund is in your account.", "--update-id", "life-r"), again);
            assertThat(resolve.status()).as(resolve.err()).isZero();
            ComplaintState resolved = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.RESOLVED);
            assertThat(resolved.getResolvedBy()).isEqualTo("grace");
            assertThat(resolved.getLevel()).isEqualTo(EscalationLevel.AGENT);
            await().atMost(WAIT).until(() -> mailsTo(smtp, email).size() >= 3);
            MimeMessage resolvedMail = mailsTo(smtp, email).get(2);
            assertThat(resolvedMail.getHeader("X-Heed-Template")[0]).startsWith("complaint-resolved/");
            assertThat(resolvedMail.getContent().toString()).contains("The refund is in your account.");
            assertThat(CliRun.of(List.of("resolve", id, "--message", "Again."), again).status()).isEqualTo(1);

            // The customer answers the resolution e-mail's question 1 of 5: reopened, and escalated a level.
            String link = CustomerVerdictIT.verdictLink(resolvedMail.getContent().toString());
            assertThat(link).contains("/v1/complaints/" + id + "/verdict?resolution=life-r&expires=");
            HttpResponse<String> answered = CustomerVerdictIT.post(HttpClient.newHttpClient(), link,
                    "{\"score\":1,\"text\":\"Nothing arrived. This is the third time I write.\"}");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
            ComplaintState reopened = await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.REOPENED);
            assertThat(reopened).extracting(ComplaintState::getLevel, ComplaintState::getReopenings, ComplaintState::getVerdictScore,
                    ComplaintState::getVerdictResolutionId).containsExactly(EscalationLevel.TEAM_LEAD, 1, 1, "life-r");
            // The queue's agents are told, up to the team lead it climbed to, with the customer's score and words.
            List<MimeMessage> toldOfVerdict = await().atMost(WAIT).until(() -> reopenings(smtp), m -> m.size() == 2);
            assertThat(toldOfVerdict).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder(AGENTS, LEAD);
            assertThat(toldOfVerdict).allSatisfy(m -> {
                assertThat(m.getSubject()).isEqualTo("[TEAM_LEAD] Complaint " + id + " in billing is reopened: the customer answered 1 of 5");
                assertThat(m.getContent().toString()).contains("Nothing arrived. This is the third time I write.");
            });

            // Resolved and reopened again, by the agent this time: the customer gets the reopening's template.
            CliRun resolveAgain = CliRun.of(List.of("resolve", id, "--message", "Sent again, by courier.", "--update-id", "life-r2"), again);
            assertThat(resolveAgain.status()).as(resolveAgain.err()).isZero();
            await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.RESOLVED && s.getResolutions() == 2);
            CliRun reopen = CliRun.of(List.of("reopen", id, "--message", "The courier brought it back.", "--update-id", "life-o"), again);
            assertThat(reopen.status()).as(reopen.err()).isZero();
            await().atMost(WAIT).until(() -> last(read(stack, topics.complaintsState(), id)),
                    s -> s != null && s.getStatus() == ComplaintStatus.REOPENED && s.getReopenings() == 2 && s.getResolvedBy() == null);
            await().atMost(WAIT).until(() -> mailsTo(smtp, email).size() >= 5);
            assertThat(mailsTo(smtp, email)).extracting(m -> m.getHeader("X-Heed-Template")[0].replaceAll("/.*", ""))
                    .containsExactly("complaint-ack", "complaint-update", "complaint-resolved", "complaint-resolved", "complaint-reopened");
            // The agents are told of the agent's reopening too, by whom (at the level the verdict raised it to).
            List<MimeMessage> told = await().atMost(WAIT).until(() -> reopenings(smtp), m -> m.size() == 4);
            // (Each recipient's messages go out in order; two recipients' may interleave.)
            assertThat(told).filteredOn(m -> !subject(m).contains("of 5")).hasSize(2).allSatisfy(m -> {
                assertThat(m.getSubject()).isEqualTo("[TEAM_LEAD] Complaint " + id + " in billing is reopened");
                assertThat(m.getContent().toString()).contains("grace reopened it.");
            });

            assertNoEventTwice(stack, topics, smtp, id, email, promised, reopened.getVerdictFeedbackId());
        } finally {
            closeAll(responder, routing);
            smtp.stop();
        }
    }

    /** Each kind of event of the complaint, on every topic it is on, counted: what happened once is there once. */
    private static void assertNoEventTwice(Stack stack, HeedTopics topics, GreenMail smtp, String id, String email, String promised,
                                           String verdictId) throws Exception {
        assertThat(read(stack, topics.feedbackReceived(), id)).extracting(FeedbackReceived::getEventId).hasSize(2).doesNotHaveDuplicates();
        assertThat(read(stack, topics.feedbackClassified(), id)).extracting(c -> c.getFeedback().getEventId())
                .hasSize(2).doesNotHaveDuplicates();
        assertThat(read(stack, topics.complaintsEscalated(), id)).hasSize(1);
        assertThat(read(stack, topics.complaintsAcknowledged(), id)).hasSize(1);
        // Every request is written (the update's retry too); routing and the responder act on an update id once.
        assertThat(read(stack, topics.complaintsUpdated(), id)).extracting(ComplaintUpdated::getUpdateId)
                .containsExactly("life-1", "life-1", "life-r", "life-r2", "life-o");

        List<ResponseDue> dues = read(stack, topics.responseDue(), id);
        assertThat(dues).filteredOn(d -> d.getKind() == DueKind.PROMISE_BROKEN).singleElement()
                .satisfies(d -> assertThat(d.getPromisedAt()).isEqualTo(Instant.parse(promised)));
        assertThat(dues).extracting(ResponseDue::getReminderNumber).doesNotHaveDuplicates();
        assertThat(dues).extracting(d -> d.getKind() + "@" + d.getDueAt()).doesNotHaveDuplicates();
        // One point per reopening: the customer's verdict's, then the agent's.
        assertThat(dues).filteredOn(d -> d.getKind() == DueKind.REOPENED).extracting(ResponseDue::getLevel, ResponseDue::getVerdictScore,
                ResponseDue::getVerdictText, ResponseDue::getReopenedBy, ResponseDue::getReopeningId).containsExactly(
                        tuple(EscalationLevel.TEAM_LEAD, 1, "Nothing arrived. This is the third time I write.", null, verdictId),
                        tuple(EscalationLevel.TEAM_LEAD, null, null, "grace", "life-o"));

        // A state row is written for each change; one written again (a restart redoing its work) repeats an earlier one.
        assertThat(read(stack, topics.complaintsState(), id)).extracting(ComplaintLifeIT::withoutWriteTime).doesNotHaveDuplicates();
        assertThat(read(stack, topics.complaintsState(), id)).filteredOn(s -> s.getVerdictScore() != null)
                .extracting(ComplaintState::getStatus).startsWith(ComplaintStatus.REOPENED);

        List<ResponseSent> sent = read(stack, topics.responsesSent(), id);
        assertThat(sent).extracting(ResponseSent::getMessageId).doesNotHaveDuplicates();
        assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_REPLY).singleElement()
                .satisfies(s -> assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT));
        assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_UPDATE).hasSize(4).allSatisfy(s -> {
            assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(s.getRecipient()).isEqualTo(email);
        });
        // One agent notification (here undeliverable: no agents configured) per escalation and per due point.
        // One agent notification per recipient of each escalation and due point: two levels are set for billing.
        List<ResponseSent> agents = sent.stream().filter(s -> s.getKind() == ResponseKind.AGENT_NOTIFICATION).toList();
        assertThat(agents).allSatisfy(s -> assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT));
        assertThat(agents).extracting(ResponseSent::getTemplate).filteredOn(t -> t.startsWith("agent-promise")).hasSize(promisePoints(dues));
        assertThat(agents).extracting(ResponseSent::getTemplate).filteredOn(t -> t.startsWith("agent-reopened")).hasSize(4);
        assertThat(reopenings(smtp)).hasSize(4);
    }

    /** The e-mails {@code address} received, in order. */
    private static List<MimeMessage> mailsTo(GreenMail smtp, String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equals(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agents' e-mails that told of a reopening, in order. */
    private static List<MimeMessage> reopenings(GreenMail smtp) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getHeader("X-Heed-Template")[0].startsWith("agent-reopened/")) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static String withoutWriteTime(ComplaintState state) {
        ComplaintState copy = ComplaintState.newBuilder(state).build();
        copy.setUpdatedAt(Instant.EPOCH);
        return copy.toString();
    }

    private static ResponderApplication responder(Map<String, String> env, Clock clock) {
        return ResponderApplication.start(ResponderConfig.from(env), clock, Sleeper.system(), t -> t);
    }

    private static Map<String, String> cli(ResponderApplication responder) {
        String url = "http://127.0.0.1:" + responder.port();
        awaitReady(url);
        return Map.of("HEED_RESPONDER_URL", url, "HEED_ACK_TOKEN", TOKEN);
    }

    private static void closeAll(AutoCloseable... services) throws Exception {
        for (AutoCloseable service : services) {
            if (service != null) {
                service.close();
            }
        }
    }

    /** The wall clock routing punctuates on, moved by an offset the test sets: the responder's injected clock. */
    private static final class OffsetClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void set(Duration offset) {
            this.offset = offset;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
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
        return routing(stack, common, stack.uniqueName("routing"), stack.tempStateDir());
    }

    /** Routing as above under a given application id and state directory, so that a test can restart it. */
    static RoutingService routing(Stack stack, Map<String, String> common, String applicationId, Path stateDir) throws Exception {
        return RoutingService.start(RoutingConfig.from(with(common, Map.of(
                "HEED_ROUTING_APPLICATION_ID", applicationId, "HEED_ROUTING_HTTP_PORT", "0",
                "HEED_ROUTING_STATE_DIR", stateDir.toString(), "HEED_ROUTING_PUNCTUATE_INTERVAL", "100ms"))),
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
        // A customer and an order of its own: the sample's shared customer id, phone and reference would make every
        // complaint after the first a reply to it (routing attaches feedback on the same reference of the same customer).
        feedback.getCustomer().setEmail(email);
        feedback.getCustomer().setId("customer-" + id);
        feedback.getCustomer().setPhone(null);
        feedback.setReference("order-" + id);
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
