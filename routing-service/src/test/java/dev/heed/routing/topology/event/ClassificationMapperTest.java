package dev.heed.routing.topology.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Evidence;
import dev.heed.events.Severity;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.Finding;
import dev.heed.routing.classify.ScoredCategory;
import dev.heed.routing.classify.SentimentLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.classify.Verdict;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.evidence.EvidenceWords;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ClassificationMapperTest {

    @Test
    void anUnknownSeverityReachesTheEscalationRuleAsEmptyAndEveryOtherByName() {
        assertThat(ClassificationMapper.severity(Severity.UNKNOWN)).isEmpty();
        for (SeverityLabel label : SeverityLabel.values()) {
            assertThat(ClassificationMapper.severity(Severity.valueOf(label.name()))).isEqualTo(Optional.of(label));
        }
        assertThat(Arrays.stream(Severity.values()).filter(s -> s != Severity.UNKNOWN)).hasSize(SeverityLabel.values().length);
    }

    @Test
    void evidenceWordsThatAreTheSpanOfTheFeedbackTextTravelOnlyThereAndTheRestKeepTheirText() {
        String text = "Charged twice, terrible.";
        Verdict verdict = new Verdict(SentimentLabel.NEGATIVE, -0.9, List.of(new ScoredCategory(CategoryLabel.BILLING, 0.9)),
                Set.of(), SeverityLabel.HIGH, 5, true, false, "en", List.of(
                        new Finding("phrase:charged twice", "sentiment", "Charged twice", 0, 13, -2.6),
                        new Finding("lexicon", "sentiment", "terrible", 15, 23, -2.1),
                        new Finding("lexicon", "sentiment", "awful", 15, 20, -2.0),
                        Finding.untied("rating", "sentiment", "1 of 5", -1.0)), "v", 0.9);

        List<Evidence> evidence = ClassificationMapper.toAvro(verdict, text, 0).getEvidence();

        assertThat(evidence).extracting(Evidence::getText).containsExactly(null, null, "awful", "1 of 5");
        assertThat(evidence).extracting(e -> EvidenceWords.of(text, e)).containsExactly("Charged twice", "terrible", "awful", "1 of 5");
    }

    @Test
    void spansPointIntoTheFeedbackTextAfterTheSubjectAndEvidenceInTheSubjectKeepsItsWordsWithoutASpan() {
        var feedback = SampleEvents.feedback("fb-subject");
        feedback.setSubject("Awful");
        feedback.setText("Charged twice.");
        Verdict verdict = new Verdict(SentimentLabel.NEGATIVE, -0.9, List.of(new ScoredCategory(CategoryLabel.BILLING, 0.9)),
                Set.of(), SeverityLabel.HIGH, 5, true, false, "en", List.of(
                        new Finding("lexicon", "sentiment", "Awful", 0, 5, -2.0),
                        new Finding("phrase:charged twice", "sentiment", "Charged twice", 6, 19, -2.6)), "v", 0.9);
        assertThat(ClassificationMapper.input(feedback).text()).isEqualTo("Awful\nCharged twice.");

        List<Evidence> evidence = ClassificationMapper.toAvro(verdict, feedback.getText(),
                ClassificationMapper.textOffset(feedback)).getEvidence();

        assertThat(evidence).extracting(Evidence::getText, Evidence::getStart, Evidence::getEnd)
                .containsExactly(Tuple.tuple("Awful", -1, -1),
                        Tuple.tuple(null, 0, 13));
        assertThat(evidence).extracting(e -> EvidenceWords.of(feedback.getText(), e)).containsExactly("Awful", "Charged twice");
    }

    @Test
    void categoriesKeepTheirOrderBestFirst() {
        assertThat(ClassificationMapper.categories(SampleEvents.classification()))
                .containsExactly(CategoryLabel.BILLING, CategoryLabel.SUPPORT_WAIT);
    }
}
