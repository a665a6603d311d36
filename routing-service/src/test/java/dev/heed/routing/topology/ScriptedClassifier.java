package dev.heed.routing.topology;

import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.ScoredCategory;
import dev.heed.routing.classify.SentimentLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.classify.Verdict;
import java.util.List;
import java.util.Set;

/**
 * A classifier whose verdict is written in the text, so topology tests say what they mean: a text containing
 * a severity name (e.g. {@code CRITICAL}) is an escalated complaint of that severity; anything else is praise.
 * A text containing {@code EXPLODE} throws, to exercise the processing-error path.
 */
final class ScriptedClassifier implements Classifier {

    @Override
    public Verdict classify(ClassifierInput input) {
        if (input.text().contains("EXPLODE")) {
            throw new IllegalStateException("scripted classifier failure");
        }
        for (SeverityLabel severity : SeverityLabel.values()) {
            if (input.text().contains(severity.name())) {
                return verdict(SentimentLabel.NEGATIVE, severity, true);
            }
        }
        return verdict(SentimentLabel.POSITIVE, SeverityLabel.LOW, false);
    }

    private static Verdict verdict(SentimentLabel sentiment, SeverityLabel severity, boolean escalate) {
        return new Verdict(sentiment, escalate ? -0.8 : 0.8, List.of(new ScoredCategory(CategoryLabel.BILLING, 0.9)),
                Set.of(), severity, severity.ordinal() * 3, escalate, false, "en", List.of(), "scripted-1", 0.9);
    }
}
