package dev.heed.responder.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseKind;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseSent;
import dev.heed.events.Sentiment;
import dev.heed.events.VerdictLink;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.BackoffPolicy;
import dev.heed.responder.delivery.DeliveryException;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.delivery.RetryingSender;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.delivery.Transport;
import dev.heed.responder.delivery.Trigger;
import dev.heed.responder.input.Input;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.notify.AgentRoutes;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.CustomerUpdates;
import dev.heed.responder.reply.ReplyRouting;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.schemas.MutableClock;
import dev.heed.schemas.SampleEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery rule without Kafka: what is sent, what is recorded and dead-lettered, and in which order. */
class ResponsesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ComplaintDirectory directory = new ComplaintDirectory();
    private final SentLog sentLog = new SentLog(clock, Duration.ofDays(7));
    private final List<OutboundMessage> emailed = new ArrayList<>();
    private final List<ResponseSent> recorded = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final Trigger trigger = new Trigger("feedback.classified:0:7",
            (reason, error, messageId) -> written.add("dead letter " + reason + " " + messageId));
    private final Trigger updateTrigger = new Trigger("complaints.updated:1:4",
            (reason, error, messageId) -> written.add("dead letter " + reason + " " + messageId));

    @Test
    void aComplaintWhoseEscalationNeverComesIsAnsweredWithoutADueTimeOnceTheWaitIsOver() throws Exception {
        Responses responses = responses(emailed::add);
        Input input = new Input.Classified(SampleEvents.classified("fb-late"));

        assertThat(responses.handle(input, trigger)).isEqualTo(Step.RETRY_LATER);
        clock.advance(WAIT.minusSeconds(1));
        assertThat(responses.handle(input, trigger)).isEqualTo(Step.RETRY_LATER);
        assertThat(emailed).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(responses.handle(input, trigger)).isEqualTo(Step.DONE);

        assertThat(emailed).singleElement().satisfies(message -> assertThat(message.template()).startsWith("complaint-received"));
        assertThat(recorded).singleElement().satisfies(sent -> assertThat(sent.getTemplate()).startsWith("complaint-received"));
    }

    @Test
    void aCustomersVerdictOnAResolutionGetsNoReplyAndWaitsForNoEscalation() throws Exception {
        Responses responses = responses(emailed::add);
        FeedbackClassified verdict = SampleEvents.classified("verdict-1");
        verdict.getFeedback().setVerdict(new VerdictLink("fb-1", "upd-fb-1", 1));
        assertThat(verdict.getClassification().getEscalate()).as("a verdict the classifier would escalate").isTrue();

        assertThat(responses.handle(new Input.Classified(verdict), trigger)).isEqualTo(Step.DONE);

        assertThat(emailed).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(written).isEmpty();
    }

    @Test
    void aMessageThatFinallyFailsIsDeadLetteredBeforeItsFailedOutcomeIsRecorded() throws Exception {
        Responses responses = responses(message -> {
            throw new DeliveryException("HTTP 400", false, null);
        });

        assertThat(responses.handle(new Input.Classified(praise("fb-1")), trigger)).isEqualTo(Step.DONE);

        String id = MessageIds.reply("fb-1");
        assertThat(written).containsExactly("dead letter DELIVERY_FAILED " + id, "outcome FAILED " + id);
        assertThat(sentLog.contains(id)).isTrue();
    }

    @Test
    void aMessageTheSentLogKnowsIsNeitherSentNorRecordedAgain() throws Exception {
        sentLog.add(MessageIds.reply("fb-2"), clock.instant());

        assertThat(responses(emailed::add).handle(new Input.Classified(praise("fb-2")), trigger)).isEqualTo(Step.DONE);

        assertThat(emailed).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void anUpdateGoesToTheComplaintsCustomerInTheLanguageOfTheirReplyAndIsRecordedAsAnUpdate() throws Exception {
        directory.escalated(SampleEvents.escalated("fb-3"));
        directory.replied("fb-3", "de");

        assertThat(responses(emailed::add).handle(new Input.Updated(SampleEvents.updated("fb-3")), updateTrigger)).isEqualTo(Step.DONE);

        String id = MessageIds.update("fb-3", "upd-fb-3");
        assertThat(emailed).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(id);
            assertThat(message.recipient()).isEqualTo("ada@example.com");
            assertThat(message.template()).isEqualTo("complaint-update/de");
            assertThat(message.body()).contains("The refund is approved; it reaches your account within two days.");
        });
        assertThat(recorded).singleElement().satisfies(sent -> {
            assertThat(sent.getKind()).isEqualTo(ResponseKind.CUSTOMER_UPDATE);
            assertThat(sent.getOutcome()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(sent.getTrigger()).isEqualTo("complaints.updated:1:4");
        });
        assertThat(meters.find("heed.responder.updates").tag("outcome", "SENT").counter().count()).isEqualTo(1.0);
    }

    @Test
    void anUpdateWrittenTwiceUnderOneUpdateIdReachesTheCustomerOnce() throws Exception {
        directory.escalated(SampleEvents.escalated("fb-4"));
        Responses responses = responses(emailed::add);
        ComplaintUpdated update = SampleEvents.updated("fb-4");

        responses.handle(new Input.Updated(update), updateTrigger);
        // A client's retry writes the same update id again, at a later offset.
        responses.handle(new Input.Updated(update), new Trigger("complaints.updated:1:5", (reason, error, messageId) -> { }));

        assertThat(emailed).hasSize(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void anUpdateWaitsForItsComplaintsEscalationAndGoesOutWhenItIsRead() throws Exception {
        Responses responses = responses(emailed::add);
        Input input = new Input.Updated(SampleEvents.updated("fb-5"));

        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.RETRY_LATER);
        clock.advance(WAIT.minusSeconds(1));
        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.RETRY_LATER);
        directory.escalated(SampleEvents.escalated("fb-5"));

        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.DONE);
        assertThat(emailed).singleElement().satisfies(message -> assertThat(message.template()).isEqualTo("complaint-update/en"));
        assertThat(written).isEqualTo(List.of("outcome SENT " + MessageIds.update("fb-5", "upd-fb-5")));
    }

    @Test
    void anUpdateWhoseCustomerIsNeverKnownIsDeadLetteredRecordedUndeliverableAndCountedAfterTheWait() throws Exception {
        Responses responses = responses(emailed::add);
        Input input = new Input.Updated(SampleEvents.updated("fb-6"));

        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.RETRY_LATER);
        clock.advance(WAIT);
        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.DONE);

        String id = MessageIds.update("fb-6", "upd-fb-6");
        assertThat(emailed).isEmpty();
        assertThat(written).containsExactly("dead letter " + Responses.CONTACT_UNKNOWN + " " + id, "outcome UNDELIVERABLE " + id);
        assertThat(recorded).singleElement().satisfies(sent -> {
            assertThat(sent.getKind()).isEqualTo(ResponseKind.CUSTOMER_UPDATE);
            assertThat(sent.getChannel()).isEqualTo(DeliveryChannel.NONE);
            assertThat(sent.getRecipient()).isNull();
            assertThat(sent.getError()).contains("fb-6", "customer is unknown");
        });
        assertThat(contactUnknown("NOT_SEEN")).isEqualTo(1.0);

        // Read again (a restart before the commit, say): the sent log knows it, nothing is written twice.
        assertThat(responses.handle(input, updateTrigger)).isEqualTo(Step.DONE);
        assertThat(written).hasSize(2);
        assertThat(contactUnknown("NOT_SEEN")).isEqualTo(1.0);
    }

    @Test
    void anUpdateForAnErasedCustomerIsUndeliverableAtOnceAndTheEscalationReadAgainDoesNotBringTheContactBack() throws Exception {
        directory.escalated(SampleEvents.escalated("fb-7"));
        directory.erased("fb-7");
        directory.escalated(SampleEvents.escalated("fb-7"));

        assertThat(responses(emailed::add).handle(new Input.Updated(SampleEvents.updated("fb-7")), updateTrigger)).isEqualTo(Step.DONE);

        assertThat(emailed).isEmpty();
        assertThat(recorded).singleElement().satisfies(sent -> {
            assertThat(sent.getOutcome()).isEqualTo(DeliveryOutcome.UNDELIVERABLE);
            assertThat(sent.getError()).contains("erased");
        });
        assertThat(written.get(0)).startsWith("dead letter " + Responses.CONTACT_UNKNOWN);
        assertThat(contactUnknown("ERASED")).isEqualTo(1.0);
    }

    @Test
    void anUpdateWhoseCustomerNoChannelReachesIsRecordedUndeliverableLikeAReply() throws Exception {
        var escalated = SampleEvents.escalated("fb-8");
        escalated.getCustomer().setEmail(null);
        directory.escalated(escalated);

        assertThat(responses(emailed::add).handle(new Input.Updated(SampleEvents.updated("fb-8")), updateTrigger)).isEqualTo(Step.DONE);

        assertThat(emailed).isEmpty();
        assertThat(written).containsExactly("outcome UNDELIVERABLE " + MessageIds.update("fb-8", "upd-fb-8"));
        assertThat(meters.find("heed.responder.updates").tag("channel", "NONE").tag("outcome", "UNDELIVERABLE").counter().count())
                .isEqualTo(1.0);
    }

    private double contactUnknown(String reason) {
        Counter counter = meters.find("heed.responder.updates.contact.unknown").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private Responses responses(Transport email) {
        DeliveryMetrics metrics = new DeliveryMetrics(meters);
        RetryingSender sender = new RetryingSender(Map.of(DeliveryChannel.EMAIL, email),
                BackoffPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(2)), duration -> { }, metrics);
        TemplateLibrary templates = new TemplateLibrary(null, "en");
        TimeFormat times = new TimeFormat(ZoneId.of("UTC"));
        Dispatcher dispatcher = new Dispatcher(sentLog, sender, sent -> {
            recorded.add(sent);
            written.add("outcome " + sent.getOutcome() + " " + sent.getMessageId());
        }, metrics, clock);
        return new Responses(new CustomerReplies(templates, new ReplyRouting(Map.of()), times),
                new CustomerUpdates(templates, new ReplyRouting(Map.of()), times),
                new AgentNotifications(templates, new AgentRoutes(Map.of()), times, clock, "https://heed.example.com/", "en"),
                directory, dispatcher, metrics, clock, WAIT);
    }

    /** Feedback that is not escalated, so its reply goes out at once. */
    private static FeedbackClassified praise(String id) {
        FeedbackClassified event = SampleEvents.classified(id);
        event.getClassification().setSentiment(Sentiment.POSITIVE);
        event.getClassification().setEscalate(false);
        return event;
    }
}
