package dev.heed.routing.topology;

import dev.heed.routing.classify.Category;
import dev.heed.routing.classify.CategoryScore;
import dev.heed.routing.classify.Classification;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.Sentiment;
import dev.heed.routing.classify.Severity;
import java.util.List;
import java.util.Set;

/**
 * A classifier whose verdict is written in the text, so topology tests say what they mean: a text containing
 * a severity name (e.g. {@code CRITICAL}) is an escalated complaint of that severity; anything else is praise.
 * A text containing {@code EXPLODE} throws, to exercise the processing-error path.
 */
final class ScriptedClassifier implements Classifier {

    @Override
    public Classification classify(ClassifierInput input) {
        if (input.text().contains("EXPLODE")) {
            throw new IllegalStateException("scripted classifier failure");
        }
        for (Severity severity : Severity.values()) {
            if (input.text().contains(severity.name())) {
                return verdict(Sentiment.NEGATIVE, severity, true);
            }
        }
        return verdict(Sentiment.POSITIVE, Severity.LOW, false);
    }

    private static Classification verdict(Sentiment sentiment, Severity severity, boolean escalate) {
        return new Classification(sentiment, escalate ? -0.8 : 0.8, List.of(new CategoryScore(Category.BILLING, 0.9)),
                Set.of(), severity, severity.ordinal() * 3, escalate, false, "en", List.of(), "scripted-1", 0.9);
    }
}
