package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Classification;
import dev.heed.events.Evidence;
import dev.heed.events.FeedbackClassified;
import dev.heed.schemas.SampleEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageDetailsTest {

    @Test
    void evidenceWordsCarriedOnlyInTheFeedbackTextAreShownWithTheirRule() {
        // As routing writes FeedbackClassified 4: words that are the text's span travel once, in the text.
        FeedbackClassified classified = SampleEvents.classified("fb-1");
        classified.getFeedback().setText("I was charged twice for one order");
        Classification classification = SampleEvents.classification();
        classification.setEvidence(List.of(
                new Evidence("phrase:charged twice", "category:BILLING", null, 6, 19, -2.5),
                new Evidence("rating", "sentiment", "1 of 5", -1, -1, -1.0),
                new Evidence("model:rules", "complaint", null, -1, -1, 0.5)));
        classified.setClassification(classification);

        Map<String, Object> details = StageDetails.classified(classified);

        List<Object> evidence = List.copyOf((List<?>) details.get("evidence"));
        assertThat(evidence).extracting(ev -> (Object) ((Map<?, ?>) ev).get("text")).containsExactly("charged twice", "1 of 5", null);
        assertThat(List.<Object>copyOf((List<?>) details.get("segments"))).contains(
                new Highlighter.Segment("charged twice", List.of("phrase:charged twice → category:BILLING")));
    }
}
