package dev.heed.routing.classify;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The classifier's verdict with its reasons. Immutable. Published as the Avro {@code Classification}; the classifier's
 * own types are named apart from their Avro twins ({@code *Label}, {@link ScoredCategory}, {@link Finding}) so that
 * code translating one into the other needs no fully qualified names.
 *
 * @param sentiment      overall polarity
 * @param score          polarity in [-1, 1] (text fused with the rating when there is one)
 * @param categories     at least one, best first; {@link CategoryLabel#OTHER} alone when nothing else matched
 * @param intents        what the customer signals; may be empty
 * @param severity       from {@code severityPoints}, see {@link SeverityPolicy}
 * @param severityPoints the points behind {@code severity}
 * @param escalate       true when a human must act: negative, safety, legal, churn threat, or triage
 * @param triage         empty or non-English text: a human reads it instead of the rules guessing
 * @param language       detected language code, e.g. "en", or "und" when unknown or empty
 * @param evidence       the rules that fired, with spans into the input text
 * @param version        the rules, word-list and model version that produced this verdict
 * @param confidence     the probability that {@code escalate} is right, in [0, 1]: low for doubtful cases,
 *                       which still escalate when a complaint is likely enough (see {@link EscalationDecision})
 */
public record Verdict(SentimentLabel sentiment, double score, List<ScoredCategory> categories, Set<IntentLabel> intents,
        SeverityLabel severity, int severityPoints, boolean escalate, boolean triage, String language,
        List<Finding> evidence, String version, double confidence) {

    public Verdict {
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(severity, "severity");
        if (score < -1 || score > 1) {
            throw new IllegalArgumentException("score must be in [-1,1], was " + score);
        }
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("categories must hold at least one entry");
        }
        categories = List.copyOf(categories);
        intents = intents == null || intents.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(intents));
        evidence = List.copyOf(evidence);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
    }

    /** The best category. */
    public CategoryLabel topCategory() {
        return categories.get(0).category();
    }
}
