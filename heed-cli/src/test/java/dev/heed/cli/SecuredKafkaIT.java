package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
import dev.heed.localstack.BrokerSecurity;
import dev.heed.localstack.EmbeddedKafka;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Ports;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.delivery.Sleeper;
import dev.heed.routing.app.RoutingConfig;
import dev.heed.routing.app.RoutingService;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.catalog.KafkaAccess.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a broker that takes only SASL_SSL with SCRAM-SHA-512 and authorizes every request: each
 * service and the CLI as its own user, holding exactly the ACLs {@link KafkaAccess} lists, configured only through
 * {@code HEED_KAFKA_*} variables. A complaint posted to ingest is classified and escalated by routing and answered
 * by the responder; the CLI reads it back; and a client that reaches outside its ACLs is refused.
 */
@ExtendWith(LocalStackExtension.class)
class SecuredKafkaIT {
    private static final String API_KEY = "secured-it-key";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static BrokerSecurity security;
    private static GreenMail smtp;
    private static KafkaAccess access;
    private static String suffix;
    private static String applicationId;
    private static String responderGroup;
    private static final Map<String, String> passwords = new HashMap<>();
    private static final List<AutoCloseable> services = new ArrayList<>();
    private static Map<String, String> common;
    private static int ingestPort;

    @BeforeAll
    static void startSecuredPipeline(Stack stack) throws Exception {
        security = BrokerSecurity.generate(dir);
        kafka = EmbeddedKafka.startSecured(security);
        suffix = "." + stack.uniqueName("secure");
        applicationId = stack.uniqueName("routing");
        responderGroup = stack.uniqueName("responder");
        access = new KafkaAccess(suffix, applicationId, responderGroup);
        try (Admin admin = Admin.create(connect(security.adminClientProperties()))) {
            for (Role role : access.all()) {
                passwords.put(role.user(), BrokerSecurity.randomSecret());
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(role.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), passwords.get(role.user())))).all().get();
                admin.createAcls(role.bindings()).all().get();
            }
        }
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        common = Map.of("HEED_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_TOPIC_SUFFIX", suffix, "HEED_TOPIC_PARTITIONS", "2", "HEED_KAFKA_METADATA_MAX_AGE_MS", "1000");
        services.add(RoutingService.start(RoutingConfig.from(env(access.routing(), Map.of(
                "HEED_ROUTING_APPLICATION_ID", applicationId, "HEED_ROUTING_HTTP_PORT", "0",
                "HEED_ROUTING_STATE_DIR", stack.tempStateDir().toString(), "HEED_ROUTING_PUNCTUATE_INTERVAL", "100ms"))),
                FeedbackClassifier.loadDefault(), InstantSource.system()));
        services.add(ResponderApplication.start(ResponderConfig.from(env(access.responder(), Map.of(
                "HEED_RESPONDER_GROUP_ID", responderGroup, "HEED_RESPONDER_PORT", "0",
                "HEED_SMTP_HOST", "127.0.0.1", "HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "HEED_ESCALATION_WAIT", "20s"))), Clock.systemUTC(), Sleeper.system(), t -> t));
        IngestApplication ingest = IngestApplication.start(IngestConfig.from(env(access.ingest(), Map.of(
                "HEED_INGEST_PORT", "0", "HEED_INGEST_API_KEYS", "it=" + sha256(API_KEY)))), Clock.systemUTC());
        services.add(ingest);
        ingestPort = ingest.port();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aComplaintIsClassifiedEscalatedAndAnsweredAndTheCliReadsItBack() throws Exception {
        String id = "secured-" + System.nanoTime();
        assertThat(postFeedback(id, "I was charged twice for my order and nobody answers the phone. I want a refund."))
                .isEqualTo(202);

        // Two outcomes: the customer's reply, sent by e-mail, and the agents' notice (no agent is configured here).
        await().atMost(WITHIN).untilAsserted(() -> assertThat(tail("responses.sent" + suffix, id, 2))
                .contains("\"kind\":\"CUSTOMER_REPLY\"").contains("\"outcome\":\"SENT\""));
        assertThat(tail("complaints.escalated" + suffix, id, 1)).contains("\"key\":\"" + id + "\"");
        assertThat(tail("feedback.classified" + suffix, id, 1)).contains("\"key\":\"" + id + "\"");
        assertThat(smtp.getReceivedMessages()).isNotEmpty();

        CliRun status = heed(List.of("status"));
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("feedback.received" + suffix);
    }

    @Test
    void aClientThatReachesOutsideItsAclsIsRefused() {
        // Ingest writes feedback.received only: it may neither read escalations nor write complaint states.
        try (KafkaConsumer<String, String> consumer = consumer(access.ingest(), null)) {
            consumer.assign(List.of(new org.apache.kafka.common.TopicPartition("complaints.escalated" + suffix, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = producer(access.ingest(), null)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("complaints.state" + suffix, "k", "v")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // The responder reads its topics in its own group, not in routing's.
        try (KafkaConsumer<String, String> consumer = consumer(access.responder(), applicationId)) {
            consumer.subscribe(List.of("feedback.classified" + suffix));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
        // Only routing may open transactions under its application id.
        try (KafkaProducer<String, String> producer = producer(access.responder(), applicationId + "-stolen")) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtAuthentication() {
        Map<String, Object> props = connect(security.clientProperties(KafkaAccess.INGEST_USER, "not-the-password"));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.partitionsFor("feedback.received" + suffix)).isInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, String> env(Role role, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(BrokerSecurity.heedEnvironment(security.clientProperties(role.user(), passwords.get(role.user()))));
        env.putAll(own);
        return env;
    }

    private static Map<String, Object> connect(Map<String, String> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return props;
    }

    private static Map<String, Object> clientProperties(Role role) {
        return connect(security.clientProperties(role.user(), passwords.get(role.user())));
    }

    private static KafkaConsumer<String, String> consumer(Role role, String group) {
        Map<String, Object> props = clientProperties(role);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(Role role, String transactionalId) {
        Map<String, Object> props = clientProperties(role);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static int postFeedback(String id, String text) throws Exception {
        String body = "{\"eventId\":\"" + id + "\",\"channel\":\"EMAIL\",\"text\":\"" + text + "\",\"rating\":1,"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"customer\":{\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/v1/feedback"))
                        .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** {@code heed tail} as the operator: the records of {@code id} on {@code topic}, as JSON lines. */
    private static String tail(String topic, String id, int max) {
        CliRun result = heed(List.of("tail", topic, "--from-beginning", "--id", id, "--max", Integer.toString(max), "--for", "5"));
        assertThat(result.status()).as(result.err()).isZero();
        return result.out();
    }

    /** The CLI as the operator user, configured by the same variables as the services. */
    private static CliRun heed(List<String> args) {
        return CliRun.of(args, env(access.operator(), Map.of("HEED_ROUTING_APPLICATION_ID", applicationId)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
