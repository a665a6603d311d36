package dev.heed.routing.topology;

import dev.heed.events.FeedbackReceived;
import dev.heed.routing.classify.Classification;
import dev.heed.routing.classify.ClassifierInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the classifier's domain types and the Avro contract. Enum constants are matched by
 * name; the Avro enums only add an UNKNOWN default for readers of future versions.
 */
final class ClassificationMapper {

    private ClassificationMapper() {
    }

    static ClassifierInput input(FeedbackReceived feedback) {
        String language = feedback.getCustomer() == null ? null : feedback.getCustomer().getPreferredLanguage();
        String text = feedback.getSubject() == null ? feedback.getText() : feedback.getSubject() + "\n" + feedback.getText();
        return new ClassifierInput(text, feedback.getRating(), feedback.getChannel().name(), language);
    }

    static dev.heed.events.Classification toAvro(Classification c) {
        return dev.heed.events.Classification.newBuilder()
                .setSentiment(dev.heed.events.Sentiment.valueOf(c.sentiment().name()))
                .setScore(c.score())
                .setCategories(c.categories().stream().map(s -> new dev.heed.events.CategoryScore(
                        category(s.category()), s.confidence())).toList())
                .setIntents(new ArrayList<>(c.intents().stream().map(i -> dev.heed.events.Intent.valueOf(i.name())).toList()))
                .setSeverity(dev.heed.events.Severity.valueOf(c.severity().name()))
                .setSeverityPoints(c.severityPoints())
                .setEscalate(c.escalate())
                .setTriage(c.triage())
                .setLanguage(c.language())
                .setEvidence(evidence(c.evidence()))
                .setClassifierVersion(c.version())
                .setConfidence(c.confidence())
                .build();
    }

    static dev.heed.events.Category category(dev.heed.routing.classify.Category category) {
        return dev.heed.events.Category.valueOf(category.name());
    }

    private static List<dev.heed.events.Evidence> evidence(List<dev.heed.routing.classify.Evidence> evidence) {
        return evidence.stream().map(e -> dev.heed.events.Evidence.newBuilder()
                .setRule(e.rule()).setDecision(e.decision()).setText(e.text())
                .setStart(e.start()).setEnd(e.end()).setWeight(e.weight()).build()).toList();
    }
}
