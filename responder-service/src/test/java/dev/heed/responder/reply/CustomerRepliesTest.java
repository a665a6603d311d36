package dev.heed.responder.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.Intent;
import dev.heed.events.ResponseKind;
import dev.heed.events.Sentiment;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.schemas.SampleEvents;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerRepliesTest {
    private static final Instant DUE = Instant.parse("2026-11-20T11:15:30Z");
    private final CustomerReplies replies = new CustomerReplies(new TemplateLibrary(null, "en"),
            new ReplyRouting(Map.of("SURVEY_TOOL", new SourceSettings("https://survey.example.com/r", null, false, "de"))),
            new TimeFormat(ZoneId.of("Europe/Berlin")));

    private static FeedbackClassified classified(boolean escalate, Sentiment sentiment, List<Intent> intents) {
        FeedbackClassified sample = SampleEvents.classified("fb-1");
        sample.setClassification(ReplyTemplateTest.classification(escalate, sentiment, intents));
        return sample;
    }

    @Test
    void shouldTellAComplainantWhoHasItAndByWhenInTheConfiguredZone() {
        OutboundMessage reply = replies.reply(classified(true, Sentiment.NEGATIVE, List.of()),
                Optional.of(new Escalation("billing", DUE)), "feedback.classified:0:7");

        assertThat(reply.template()).isEqualTo("complaint-ack/en");
        assertThat(reply.body()).contains("our billing team", "by 2026-11-20 12:15 CET at the latest");
        assertThat(reply.payload()).containsEntry("dueAt", DUE.toString()).containsEntry("type", "heed.reply");
        assertThat(reply.messageId()).isEqualTo(MessageIds.reply("fb-1"));
        assertThat(reply.kind()).isEqualTo(ResponseKind.CUSTOMER_REPLY);
        assertThat(reply.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(reply.recipient()).isEqualTo("ada@example.com");
        assertThat(reply.trigger()).isEqualTo("feedback.classified:0:7");
    }

    @Test
    void shouldPromiseNoTimeWhenTheEscalationIsNotKnown() {
        OutboundMessage reply = replies.reply(classified(true, Sentiment.NEGATIVE, List.of()), Optional.empty(), "t:0:1");

        assertThat(reply.template()).isEqualTo("complaint-received/en");
        assertThat(reply.body()).doesNotContain("by 20").doesNotContain("at the latest");
        assertThat(reply.payload()).doesNotContainKey("dueAt");
    }

    @Test
    void shouldSaySuggestionsAreHeardAndWhatHappensWithThem() {
        OutboundMessage reply = replies.reply(classified(false, Sentiment.POSITIVE, List.of(Intent.SUGGESTION)), Optional.empty(), "t:0:1");

        assertThat(reply.template()).isEqualTo("suggestion-heard/en");
        assertThat(reply.body()).contains("we heard you", "What happens with it", "billing");
    }

    @Test
    void shouldAnswerInTheSourceLanguageWhenNeitherCustomerNorClassifierNamesOne() {
        FeedbackClassified sample = classified(false, Sentiment.POSITIVE, List.of(Intent.PRAISE));
        sample.getFeedback().getCustomer().setPreferredLanguage(null);
        sample.getFeedback().setSourceSystem("survey-tool");
        sample.getClassification().setLanguage("und");

        assertThat(replies.reply(sample, Optional.empty(), "t:0:1").template()).isEqualTo("praise-thanks/de");
    }
}
