package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A first, deliberately simple classifier: the star rating plus a handful of words. It exists to drive the
 * routing topology until the real classifier replaces it, and errs towards escalating (missing a complaint is
 * the worst mistake). Immutable and thread-safe.
 */
public final class StarterClassifier implements Classifier {

    public static final String VERSION = "starter-1";

    private static final List<String> NEGATIVE = List.of("terrible", "awful", "worst", "broken", "never again",
            "still waiting", "charged twice", "angry", "disappointed", "rude", "useless", "late", "no one answers");
    private static final List<String> POSITIVE = List.of("great", "thanks", "thank you", "love", "excellent", "happy");
    private static final Map<String, Intent> INTENT_WORDS = Map.of("lawyer", Intent.LEGAL_THREAT, "sue", Intent.LEGAL_THREAT,
            "unsafe", Intent.SAFETY_ISSUE, "fire", Intent.SAFETY_ISSUE, "injur", Intent.SAFETY_ISSUE,
            "cancel", Intent.CANCELLATION_THREAT, "refund", Intent.REFUND_REQUEST);
    private static final Map<String, Category> CATEGORY_WORDS = Map.of("deliver", Category.DELIVERY, "shipping", Category.DELIVERY,
            "charge", Category.BILLING, "bill", Category.BILLING, "refund", Category.BILLING, "app", Category.WEBSITE_APP);

    @Override
    public Classification classify(ClassifierInput input) {
        String text = input.text() == null ? "" : input.text().toLowerCase(Locale.ROOT);
        List<Evidence> evidence = new ArrayList<>();
        double score = ratingScore(input.rating(), evidence) + wordScore(text, evidence);
        score = Math.max(-1, Math.min(1, score));
        Sentiment sentiment = score < -0.05 ? Sentiment.NEGATIVE : score > 0.05 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        Set<Intent> intents = find(text, INTENT_WORDS, "intent", evidence);
        Set<Category> categories = find(text, CATEGORY_WORDS, "category", evidence);
        Severity severity = severity(sentiment, input.rating(), intents);
        boolean escalate = sentiment == Sentiment.NEGATIVE || intents.contains(Intent.LEGAL_THREAT)
                || intents.contains(Intent.SAFETY_ISSUE) || intents.contains(Intent.CANCELLATION_THREAT);
        List<CategoryScore> scores = categories.isEmpty() ? List.of(new CategoryScore(Category.OTHER, 1.0))
                : categories.stream().map(c -> new CategoryScore(c, 0.6)).toList();
        return new Classification(sentiment, score, scores, intents, severity, severity.ordinal(), escalate,
                text.isBlank(), "en", evidence, VERSION);
    }

    private static double ratingScore(Integer rating, List<Evidence> evidence) {
        if (rating == null) {
            return 0;
        }
        double score = (rating - 3) / 2.0;
        evidence.add(new Evidence("rating", "sentiment", null, -1, -1, score));
        return score;
    }

    private static double wordScore(String text, List<Evidence> evidence) {
        double score = 0;
        for (String word : NEGATIVE) {
            score += hit(text, word, -0.5, evidence);
        }
        for (String word : POSITIVE) {
            score += hit(text, word, 0.4, evidence);
        }
        return score;
    }

    private static double hit(String text, String word, double weight, List<Evidence> evidence) {
        int at = text.indexOf(word);
        if (at < 0) {
            return 0;
        }
        evidence.add(new Evidence("word:" + word, "sentiment", word, at, at + word.length(), weight));
        return weight;
    }

    private static <E extends Enum<E>> Set<E> find(String text, Map<String, E> words, String decision, List<Evidence> evidence) {
        Set<E> found = new java.util.TreeSet<>();
        words.forEach((word, value) -> {
            int at = text.indexOf(word);
            if (at >= 0 && found.add(value)) {
                evidence.add(new Evidence("word:" + word, decision + ":" + value, word, at, at + word.length(), 1));
            }
        });
        return found;
    }

    private static Severity severity(Sentiment sentiment, Integer rating, Set<Intent> intents) {
        if (intents.contains(Intent.LEGAL_THREAT) || intents.contains(Intent.SAFETY_ISSUE)) {
            return Severity.CRITICAL;
        }
        if (intents.contains(Intent.CANCELLATION_THREAT) || (sentiment == Sentiment.NEGATIVE && rating != null && rating == 1)) {
            return Severity.HIGH;
        }
        return sentiment == Sentiment.NEGATIVE ? Severity.MEDIUM : Severity.LOW;
    }
}
