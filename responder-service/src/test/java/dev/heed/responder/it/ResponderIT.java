package dev.heed.responder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.responder.console.DeadLetters;
import dev.heed.responder.console.TopicSampler;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.WebhookSigner;
import dev.heed.responder.it.ItEvents.Kind;
import dev.heed.responder.kafka.OutcomeRecorder;
import dev.heed.schemas.SampleEvents;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The responder against a real broker and registry, a real SMTP server (GreenMail) and a real HTTP
 * receiver: replies per kind, agent notifications per level, signatures, retries, failures and the
 * dead-letter topic.
 */
@ExtendWith(LocalStackExtension.class)
class ResponderIT {
    /** The documented example secret (README): receivers verify with it. */
    static final String AGENT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private Pipeline pipeline;
    private WebhookReceiver receiver;
    private ResponderApplication responder;

    @BeforeEach
    void setUp(Stack stack) throws Exception {
        pipeline = new Pipeline(stack);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        if (responder != null) {
            responder.close();
        }
        receiver.close();
        pipeline.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = pipeline.env();
        env.put("HEED_SMTP_HOST", "127.0.0.1");
        env.put("HEED_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()));
        env.put("HEED_SMTP_FROM", "care@heed.example.com");
        env.put("HEED_SOURCE_CHAT_WEBHOOK_URL", receiver.url("/chat"));
        env.put("HEED_SOURCE_CHAT_PREFER", "webhook");
        env.put("HEED_SOURCE_BROKEN_WEBHOOK_URL", receiver.url("/broken"));
        env.put("HEED_SOURCE_BROKEN_PREFER", "webhook");
        env.put("HEED_AGENTS_BILLING_AGENT", receiver.url("/agents"));
        env.put("HEED_AGENTS_BILLING_TEAM_LEAD", receiver.url("/leads"));
        env.put("HEED_AGENTS_DEFAULT_MANAGER", "manager@heed.example.com");
        env.put("HEED_AGENT_WEBHOOK_SECRET", AGENT_SECRET);
        env.put("HEED_RETRY_MAX_ATTEMPTS", "4");
        env.put("HEED_ESCALATION_WAIT", "20s");
        return env;
    }

    private void start() {
        responder = ResponderApplication.start(ResponderConfig.from(env()), Clock.systemUTC(), waits::add, t -> t);
    }

    private List<ResponseSent> awaitRecords(int count) {
        return await().atMost(WAIT).until(pipeline::responsesSent, sent -> sent.size() >= count);
    }

    @Test
    void shouldAnswerEveryKindOfFeedbackOnceWithItsTemplateAndTheComplaintsDueTime() throws Exception {
        start();
        Instant due = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MINUTES);
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-p", ItEvents.classified("fb-p", Kind.PRAISE, "p@example.com", "web-form"));
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-s", ItEvents.classified("fb-s", Kind.SUGGESTION, "s@example.com", "web-form"));
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-q", ItEvents.classified("fb-q", Kind.QUESTION, "q@example.com", "web-form"));
        // The routing-service writes the classification and the escalation in one transaction; here the
        // classification comes first, so the responder must wait for the escalation to name the due time.
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-c", ItEvents.classified("fb-c", Kind.COMPLAINT, "c@example.com", "web-form"));
        pipeline.send(pipeline.topics.complaintsEscalated(), "fb-c", ItEvents.escalated("fb-c", due));

        List<ResponseSent> sent = awaitRecords(5);
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length >= 4);

        Map<String, MimeMessage> mails = byRecipient(SMTP.getReceivedMessages());
        assertThat(mails).containsOnlyKeys("p@example.com", "s@example.com", "q@example.com", "c@example.com");
        assertThat(mails.get("p@example.com").getHeader("X-Heed-Template")).containsExactly("praise-thanks/en");
        assertThat(mails.get("s@example.com").getHeader("X-Heed-Template")).containsExactly("suggestion-heard/en");
        assertThat(mails.get("q@example.com").getHeader("X-Heed-Template")).containsExactly("question-heard/en");
        MimeMessage complaint = mails.get("c@example.com");
        assertThat(complaint.getHeader("X-Heed-Template")).containsExactly("complaint-ack/en");
        assertThat(complaint.getContent().toString()).contains(new dev.heed.responder.reply.TimeFormat(java.time.ZoneId.of("UTC")).time(due));
        assertThat(complaint.getMessageID()).isEqualTo("<" + MessageIds.reply("fb-c") + "@heed>");

        assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_REPLY)
                .hasSize(4).allSatisfy(s -> {
                    assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
                    assertThat(s.getChannel()).isEqualTo(DeliveryChannel.EMAIL);
                    assertThat(s.getAttempts()).isEqualTo(1);
                    assertThat(s.getMessageId()).isEqualTo(MessageIds.reply(s.getFeedbackId()));
                });
        assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.AGENT_NOTIFICATION).singleElement()
                .satisfies(s -> assertThat(s.getRecipient()).isEqualTo(receiver.url("/agents")));
    }

    @Test
    void shouldCommitPastTheTransactionMarkersOfExactlyOnceInputSoAnIdleResponderShowsNoLag(Stack stack) throws Exception {
        start();
        pipeline.sendInTransaction(pipeline.topics.feedbackClassified(), "fb-tx",
                ItEvents.classified("fb-tx", Kind.PRAISE, "tx@example.com", "web-form"));

        awaitRecords(1);
        // The lag the operator console shows. Without committing the position, the marker after the record
        // would count as one record of lag forever.
        TopicSampler console = new TopicSampler(stack.admin(), List.of(pipeline.topics.feedbackClassified().name()), List.of(),
                new DeadLetters(1), Clock.systemUTC(), Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> console.sample().groups().stream()
                .filter(row -> row.group().equals("responder" + pipeline.suffix))
                .anyMatch(row -> row.lag() == 0));
    }

    @Test
    void shouldNotifyEachLevelItsRecipientsWithSignaturesThatVerify() throws Exception {
        start();
        Instant breach = Instant.now().minus(Duration.ofMinutes(40));
        pipeline.send(pipeline.topics.complaintsEscalated(), "fb-n", ItEvents.escalated("fb-n", breach));
        pipeline.send(pipeline.topics.responseDue(), "fb-n", ItEvents.due("fb-n", EscalationLevel.AGENT, 1, breach));
        pipeline.send(pipeline.topics.responseDue(), "fb-n", ItEvents.due("fb-n", EscalationLevel.TEAM_LEAD, 2, breach));
        pipeline.send(pipeline.topics.responseDue(), "fb-n", ItEvents.due("fb-n", EscalationLevel.MANAGER, 3, breach));

        // 7 in all: escalated: agents; AGENT: agents; TEAM_LEAD: agents + leads; MANAGER: agents + leads + manager.
        List<ResponseSent> sent = awaitRecords(7);

        assertThat(receiver.accepted("/agents")).hasSize(4);
        assertThat(receiver.accepted("/leads")).hasSize(2);
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length == 1);
        MimeMessage managerMail = SMTP.getReceivedMessages()[0];
        assertThat(managerMail.getSubject()).startsWith("[MANAGER] Complaint fb-n in billing is overdue by 40m");
        assertThat(managerMail.getContent().toString()).contains("POST https://heed.example.com/v1/complaints/fb-n/acknowledgements");
        WebhookSigner verifier = new WebhookSigner(AGENT_SECRET);
        for (WebhookReceiver.Request request : receiver.requests("/leads")) {
            assertThat(verifier.verify(request.id(), Long.parseLong(request.timestamp()), request.body(), request.signature())).isTrue();
            assertThat(request.body()).contains("\"complaintId\":\"fb-n\"", "\"acknowledgeUrl\"", "\"overdueBySeconds\"");
        }
        assertThat(sent).allSatisfy(s -> assertThat(s.getOutcome()).isEqualTo(DeliveryOutcome.SENT))
                .extracting(ResponseSent::getLevel).containsOnly(EscalationLevel.AGENT, EscalationLevel.TEAM_LEAD, EscalationLevel.MANAGER);
    }

    @Test
    void shouldDeliverExactlyOnceToAReceiverThatFailsThreeTimesThenRecovers() throws Exception {
        receiver.failFirst("/chat", 3);
        start();

        pipeline.send(pipeline.topics.feedbackClassified(), "fb-r", ItEvents.classified("fb-r", Kind.PRAISE, "r@example.com", "chat"));

        ResponseSent record = awaitRecords(1).get(0);
        assertThat(receiver.requests("/chat")).hasSize(4).extracting(WebhookReceiver.Request::id).containsOnly(MessageIds.reply("fb-r"));
        assertThat(receiver.accepted("/chat")).hasSize(1);
        assertThat(record.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(record.getAttempts()).isEqualTo(4);
        assertThat(record.getChannel()).isEqualTo(DeliveryChannel.WEBHOOK);
        assertThat(waits).hasSize(3);
    }

    @Test
    void shouldRecordAFailureAndDeadLetterItWhenAReceiverAlwaysFailsThenGoOn() throws Exception {
        receiver.failFirst("/broken", Integer.MAX_VALUE);
        start();

        pipeline.send(pipeline.topics.feedbackClassified(), "fb-x", ItEvents.classified("fb-x", Kind.PRAISE, "x@example.com", "broken"));
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-x", ItEvents.classified("fb-y", Kind.PRAISE, "y@example.com", "web-form"));

        List<ResponseSent> sent = awaitRecords(2);
        assertThat(sent).extracting(ResponseSent::getFeedbackId, ResponseSent::getOutcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fb-x", DeliveryOutcome.FAILED), org.assertj.core.groups.Tuple.tuple("fb-y", DeliveryOutcome.SENT));
        assertThat(sent.get(0).getAttempts()).isEqualTo(4);
        assertThat(sent.get(0).getError()).contains("HTTP 503");
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length == 1);

        List<ConsumerRecord<byte[], byte[]>> dead = pipeline.readAll(pipeline.topics.responderDlq().name());
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(header(record, OutcomeRecorder.REASON_HEADER)).isEqualTo("DELIVERY_FAILED");
            assertThat(header(record, OutcomeRecorder.MESSAGE_ID_HEADER)).isEqualTo(MessageIds.reply("fb-x"));
            assertThat(header(record, OutcomeRecorder.TOPIC_HEADER)).isEqualTo(pipeline.topics.feedbackClassified().name());
            assertThat(header(record, OutcomeRecorder.ERROR_HEADER)).contains("HTTP 503");
        });
    }

    @Test
    void shouldGiveEachUpdateToItsCustomerOnceInTheLanguageOfTheReplyAndHoldOneWhoseCustomerIsUnknown() throws Exception {
        start();
        FeedbackClassified classified = ItEvents.classified("fb-u", Kind.COMPLAINT, "u@example.com", "web-form");
        classified.getFeedback().getCustomer().setPreferredLanguage("de");
        ComplaintEscalated escalated = ItEvents.escalated("fb-u", Instant.now().plus(Duration.ofHours(4)));
        escalated.getCustomer().setEmail("u@example.com");
        // Only the reply recorded on responses.sent says German: the update must learn it there.
        escalated.getCustomer().setPreferredLanguage(null);
        pipeline.send(pipeline.topics.complaintsEscalated(), "fb-u", escalated);
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-u", classified);
        await().atMost(WAIT).until(() -> SMTP.getReceivedMessages().length >= 1);

        ComplaintUpdated first = SampleEvents.updated("fb-u");
        pipeline.send(pipeline.topics.complaintsUpdated(), "fb-u", first);
        pipeline.send(pipeline.topics.complaintsUpdated(), "fb-u", first); // a client's retry: the same update id
        // The second resolves the complaint: the customer is told so, in its own template, the same way.
        ComplaintUpdated second = ComplaintUpdated.newBuilder(first).setUpdateId("upd-2").setMessage("The money is back.")
                .setNextUpdateBy(null).setAction(UpdateAction.RESOLVE).build();
        pipeline.send(pipeline.topics.complaintsUpdated(), "fb-u", second);
        pipeline.send(pipeline.topics.complaintsUpdated(), "fb-none", SampleEvents.updated("fb-none"));

        // The reply, the agents' notification of the escalation, two updates, and the update nobody can be told.
        List<ResponseSent> sent = awaitRecords(5);
        assertThat(sent).filteredOn(s -> s.getKind() == ResponseKind.CUSTOMER_UPDATE)
                .extracting(ResponseSent::getMessageId, ResponseSent::getChannel, ResponseSent::getOutcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(MessageIds.update("fb-u", "upd-fb-u"), DeliveryChannel.EMAIL, DeliveryOutcome.SENT),
                        org.assertj.core.groups.Tuple.tuple(MessageIds.update("fb-u", "upd-2"), DeliveryChannel.EMAIL, DeliveryOutcome.SENT),
                        org.assertj.core.groups.Tuple.tuple(MessageIds.update("fb-none", "upd-fb-none"), DeliveryChannel.NONE,
                                DeliveryOutcome.UNDELIVERABLE));
        // Records of one key are handled in order: the retry came before upd-2, which is done, so it was skipped.
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(3);
        assertThat(mails[1].getMessageID()).isEqualTo("<" + MessageIds.update("fb-u", "upd-fb-u") + "@heed>");
        assertThat(mails[1].getHeader("X-Heed-Template")).containsExactly("complaint-update/de");
        assertThat(mails[1].getContent().toString()).contains(first.getMessage(), "Sie hören spätestens bis");
        assertThat(mails[2].getHeader("X-Heed-Template")).containsExactly("complaint-resolved/de");
        assertThat(mails[2].getContent().toString()).contains("Ihre Nachricht ist erledigt:", "The money is back.").doesNotContain("Sie hören");

        assertThat(pipeline.readAll(pipeline.topics.responderDlq().name())).singleElement().satisfies(record -> {
            assertThat(header(record, OutcomeRecorder.REASON_HEADER)).isEqualTo("CONTACT_UNKNOWN");
            assertThat(header(record, OutcomeRecorder.MESSAGE_ID_HEADER)).isEqualTo(MessageIds.update("fb-none", "upd-fb-none"));
            assertThat(header(record, OutcomeRecorder.TOPIC_HEADER)).isEqualTo(pipeline.topics.complaintsUpdated().name());
        });
    }

    @Test
    void shouldDeadLetterAnUnreadableRecordAndGoOn() throws Exception {
        start();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(Map.of("bootstrap.servers",
                pipeline.env().get("HEED_KAFKA_BOOTSTRAP_SERVERS")), new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(pipeline.topics.feedbackClassified().name(),
                    "fb-bad".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        pipeline.send(pipeline.topics.feedbackClassified(), "fb-bad", ItEvents.classified("fb-ok", Kind.PRAISE, "ok@example.com", "web-form"));

        assertThat(awaitRecords(1)).singleElement().extracting(ResponseSent::getFeedbackId).isEqualTo("fb-ok");
        assertThat(pipeline.readAll(pipeline.topics.responderDlq().name())).singleElement()
                .satisfies(record -> assertThat(header(record, OutcomeRecorder.REASON_HEADER)).isEqualTo("NOT_FRAMED"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Map<String, MimeMessage> byRecipient(MimeMessage[] mails) {
        return Arrays.stream(mails).collect(java.util.stream.Collectors.toMap(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, m -> m));
    }
}
