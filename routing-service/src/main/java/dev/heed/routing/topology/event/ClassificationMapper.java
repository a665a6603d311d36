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

    /** What the classifier reads: the subject, if any, a line break, then the text. */
    public static ClassifierInput input(FeedbackReceived feedback) {
        String language = feedback.getCustomer() == null ? null : feedback.getCustomer().getPreferredLanguage();
        return new ClassifierInput(textOffset(feedback) == 0 ? feedback.getText()
                : feedback.getSubject() + "\n" + feedback.getText(), feedback.getRating(), feedback.getChannel().name(),
                language);
    }

    /** Where the feedback's text starts in what the classifier read ({@link #input}). */
    public static int textOffset(FeedbackReceived feedback) {
        return feedback.getSubject() == null ? 0 : feedback.getSubject().length() + 1;
    }

    /**
     * The verdict as the contract carries it, its evidence spans positions in {@code feedbackText} (the text the
     * classified feedback carries; the classifier read it from {@code textOffset} on, after the subject). Evidence
     * in the subject keeps its words and has no span; an evidence whose words are the text's {@code [start, end)}
     * leaves them out ({@link EvidenceWords}), so they travel once.
     */
    public static Classification toAvro(Verdict c, String feedbackText, int textOffset) {
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
                .setEvidence(evidence(c.evidence(), feedbackText, textOffset))
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

    private static List<Evidence> evidence(List<Finding> evidence, String feedbackText, int textOffset) {
        return evidence.stream().map(e -> {
            boolean inText = e.start() >= textOffset;
            int start = inText ? e.start() - textOffset : -1;
            int end = inText ? e.end() - textOffset : -1;
            return Evidence.newBuilder()
                    .setRule(e.rule()).setDecision(e.decision())
                    .setText(EvidenceWords.inText(feedbackText, e.text(), start, end) ? null : e.text())
                    .setStart(start).setEnd(end).setWeight(e.weight()).build();
        }).toList();
    }
}
