package dev.heed.responder.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Classification;
import dev.heed.events.Intent;
import dev.heed.events.Sentiment;
import dev.heed.schemas.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTemplateTest {

    static Classification classification(boolean escalate, Sentiment sentiment, List<Intent> intents) {
        Classification classification = SampleEvents.classification();
        classification.setEscalate(escalate);
        classification.setSentiment(sentiment);
        classification.setIntents(intents);
        return classification;
    }

    @Test
    void shouldAnswerAnEscalatedComplaintWithItsDueTimeWhenKnown() {
        Classification complaint = classification(true, Sentiment.NEGATIVE, List.of(Intent.REFUND_REQUEST));

        assertThat(ReplyTemplate.choose(complaint, true)).isEqualTo(ReplyTemplate.COMPLAINT_ACK);
        assertThat(ReplyTemplate.choose(complaint, false)).isEqualTo(ReplyTemplate.COMPLAINT_RECEIVED);
    }

    @Test
    void shouldTreatAnEscalatedSuggestionAsAComplaint() {
        assertThat(ReplyTemplate.choose(classification(true, Sentiment.NEGATIVE, List.of(Intent.SUGGESTION)), true))
                .isEqualTo(ReplyTemplate.COMPLAINT_ACK);
    }

    @ParameterizedTest
    @CsvSource({
            "POSITIVE, SUGGESTION, SUGGESTION_HEARD",
            "NEUTRAL,  QUESTION,   QUESTION_HEARD",
            "POSITIVE, QUESTION,   QUESTION_HEARD",
            "NEUTRAL,  PRAISE,     PRAISE_THANKS",
            "POSITIVE, UNKNOWN,    PRAISE_THANKS",
            "NEGATIVE, UNKNOWN,    FEEDBACK_NOTED",
            "NEUTRAL,  UNKNOWN,    FEEDBACK_NOTED",
            "UNKNOWN,  UNKNOWN,    FEEDBACK_NOTED"})
    void shouldChooseByIntentThenTone(Sentiment sentiment, Intent intent, ReplyTemplate expected) {
        assertThat(ReplyTemplate.choose(classification(false, sentiment, List.of(intent)), false)).isEqualTo(expected);
    }
}
