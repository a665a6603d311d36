package dev.heed.responder.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseSent;
import dev.heed.events.Sentiment;
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
import dev.heed.responder.reply.ReplyRouting;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.schemas.MutableClock;
import dev.heed.schemas.SampleEvents;
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
    private final SentLog sentLog = new SentLog(clock, Duration.ofDays(7));
    private final List<OutboundMessage> emailed = new ArrayList<>();
    private final List<ResponseSent> recorded = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private final Trigger trigger = new Trigger("feedback.classified:0:7",
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

    private Responses responses(Transport email) {
        DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
        RetryingSender sender = new RetryingSender(Map.of(DeliveryChannel.EMAIL, email),
                BackoffPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(2)), duration -> { }, metrics);
        TemplateLibrary templates = new TemplateLibrary(null, "en");
        TimeFormat times = new TimeFormat(ZoneId.of("UTC"));
        Dispatcher dispatcher = new Dispatcher(sentLog, sender, sent -> {
            recorded.add(sent);
            written.add("outcome " + sent.getOutcome() + " " + sent.getMessageId());
        }, metrics, clock);
        return new Responses(new CustomerReplies(templates, new ReplyRouting(Map.of()), times),
                new AgentNotifications(templates, new AgentRoutes(Map.of()), times, clock, "https://heed.example.com/", "en"),
                new ComplaintDirectory(), dispatcher, metrics, clock, WAIT);
    }

    /** Feedback that is not escalated, so its reply goes out at once. */
    private static FeedbackClassified praise(String id) {
        FeedbackClassified event = SampleEvents.classified(id);
        event.getClassification().setSentiment(Sentiment.POSITIVE);
        event.getClassification().setEscalate(false);
        return event;
    }
}
