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

        List<Evidence> evidence = ClassificationMapper.toAvro(verdict, text).getEvidence();

        assertThat(evidence).extracting(Evidence::getText).containsExactly(null, null, "awful", "1 of 5");
        assertThat(evidence).extracting(e -> EvidenceWords.of(text, e)).containsExactly("Charged twice", "terrible", "awful", "1 of 5");
    }

    @Test
    void categoriesKeepTheirOrderBestFirst() {
        assertThat(ClassificationMapper.categories(SampleEvents.classification()))
                .containsExactly(CategoryLabel.BILLING, CategoryLabel.SUPPORT_WAIT);
    }
}
