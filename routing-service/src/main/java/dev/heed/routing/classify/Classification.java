package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * The classifier's judgement of one feedback with every reason it used.
 *
 * @param sentiment      overall tone
 * @param score          sentiment score in [-1, 1]
 * @param categories     at least one category, best first (OTHER when nothing else fits)
 * @param intents        intents detected
 * @param severity       severity from the point system
 * @param severityPoints the points behind the severity
 * @param escalate       whether a person must own it as a complaint
 * @param triage         true when the text could not be judged (empty, not English): a person triages it
 * @param language       detected language tag, {@code und} when undetermined
 * @param evidence       the reasons, in the order found
 * @param version        version of the rules and word lists
 */
public record Classification(Sentiment sentiment, double score, List<CategoryScore> categories, Set<Intent> intents,
                             Severity severity, int severityPoints, boolean escalate, boolean triage, String language,
                             List<Evidence> evidence, String version) {

    public Category primaryCategory() {
        return categories.isEmpty() ? Category.OTHER : categories.get(0).category();
    }
}
