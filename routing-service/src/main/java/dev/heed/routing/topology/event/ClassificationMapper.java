package dev.heed.routing.topology.event;

import dev.heed.events.Category;
import dev.heed.events.CategoryScore;
import dev.heed.events.Classification;
import dev.heed.events.Evidence;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.Intent;
import dev.heed.events.Sentiment;
import dev.heed.events.Severity;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.Finding;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.classify.Verdict;
import dev.heed.schemas.evidence.EvidenceWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates between the classifier's domain types and the Avro contract. Enum constants are matched by
 * name; the Avro enums only add an UNKNOWN default for readers of future versions.
 */
public final class ClassificationMapper {

    private ClassificationMapper() {
    }

    public static ClassifierInput input(FeedbackReceived feedback) {
        String language = feedback.getCustomer() == null ? null : feedback.getCustomer().getPreferredLanguage();
        String text = feedback.getSubject() == null ? feedback.getText() : feedback.getSubject() + "\n" + feedback.getText();
        return new ClassifierInput(text, feedback.getRating(), feedback.getChannel().name(), language);
    }

    /**
     * The verdict as the contract carries it. {@code feedbackText} is the text the classified feedback carries: an
     * evidence whose words are its {@code [start, end)} leaves them out ({@link EvidenceWords}), so they travel once.
     */
    public static Classification toAvro(Verdict c, String feedbackText) {
        return Classification.newBuilder()
                .setSentiment(Sentiment.valueOf(c.sentiment().name()))
                .setScore(c.score())
                .setCategories(c.categories().stream().map(s -> new CategoryScore(
                        category(s.category()), s.confidence())).toList())
                .setIntents(new ArrayList<>(c.intents().stream().map(i -> Intent.valueOf(i.name())).toList()))
                .setSeverity(Severity.valueOf(c.severity().name()))
                .setSeverityPoints(c.severityPoints())
                .setEscalate(c.escalate())
                .setTriage(c.triage())
                .setLanguage(c.language())
                .setEvidence(evidence(c.evidence(), feedbackText))
                .setClassifierVersion(c.version())
                .setConfidence(c.confidence())
                .build();
    }

    /** The categories of a classification, best first, as the classifier names them. */
    public static List<CategoryLabel> categories(Classification classification) {
        return classification.getCategories().stream().map(s -> CategoryLabel.valueOf(s.getCategory().name())).toList();
    }

    /** The classifier's severity, or empty for UNKNOWN: the Avro reader's stand-in for a newer classifier's symbol. */
    public static Optional<SeverityLabel> severity(Severity severity) {
        return severity == Severity.UNKNOWN ? Optional.empty() : Optional.of(SeverityLabel.valueOf(severity.name()));
    }

    private static Category category(CategoryLabel category) {
        return Category.valueOf(category.name());
    }

    private static List<Evidence> evidence(List<Finding> evidence, String feedbackText) {
        return evidence.stream().map(e -> Evidence.newBuilder()
                .setRule(e.rule()).setDecision(e.decision())
                .setText(EvidenceWords.inText(feedbackText, e.text(), e.start(), e.end()) ? null : e.text())
                .setStart(e.start()).setEnd(e.end()).setWeight(e.weight()).build()).toList();
    }
}
