package dev.heed.routing.topology.event;

import dev.heed.events.Classification;
import dev.heed.events.Evidence;
import dev.heed.events.Intent;
import dev.heed.schemas.evidence.EvidenceWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a complaint was escalated, in lines an agent reads at a glance: the stated problem with its words and
 * the classifier's confidence (marked low below {@value #LOW_CONFIDENCE}: a doubtful complaint escalates
 * because missing one costs more), the sentiment with the words that weighed most, each intent with its
 * words, the severity with its points, and the triage reason when the text could not be judged. Only decisions that drove the escalation are named; the full evidence stays
 * on {@code feedback.classified}.
 */
final class EscalationReasons {
    private static final int WORDS_PER_REASON = 3;
    static final double LOW_CONFIDENCE = 0.7;

    private EscalationReasons() {}

    /** @param feedbackText the text of the classified feedback, where evidence words without a text of their own are */
    static List<String> of(Classification classification, String feedbackText) {
        List<String> reasons = new ArrayList<>();
        if (classification.getTriage()) {
            reasons.add("needs human triage: " + detail(classification, feedbackText, "triage"));
        }
        Double confidence = classification.getConfidence();
        if (confidence != null && !classification.getTriage()) {
            reasons.add(String.format(Locale.ROOT, "complaint, confidence %.2f%s%s", confidence,
                    confidence < LOW_CONFIDENCE ? " (low: a person should check)" : "", words(classification, feedbackText, "complaint")));
        }
        reasons.add(String.format(Locale.ROOT, "sentiment %s (%.2f)%s", classification.getSentiment(),
                classification.getScore(), words(classification, feedbackText, "sentiment")));
        for (Intent intent : classification.getIntents()) {
            reasons.add("intent " + intent + words(classification, feedbackText, "intent:" + intent));
        }
        reasons.add("severity " + classification.getSeverity() + " (" + classification.getSeverityPoints() + " points"
                + rules(classification, "severity") + ")");
        return reasons;
    }

    private static String words(Classification classification, String feedbackText, String decision) {
        String words = classification.getEvidence().stream()
                .filter(e -> e.getDecision().equals(decision) && EvidenceWords.of(feedbackText, e) != null)
                .sorted(Comparator.comparingDouble((Evidence e) -> Math.abs(e.getWeight())).reversed())
                .map(e -> "\"" + EvidenceWords.of(feedbackText, e) + "\"")
                .distinct()
                .limit(WORDS_PER_REASON)
                .collect(Collectors.joining(", "));
        return words.isEmpty() ? "" : ": " + words;
    }

    private static String rules(Classification classification, String decision) {
        String rules = classification.getEvidence().stream()
                .filter(e -> e.getDecision().equals(decision))
                .map(Evidence::getRule)
                .distinct()
                .collect(Collectors.joining(", "));
        return rules.isEmpty() ? "" : ": " + rules;
    }

    private static String detail(Classification classification, String feedbackText, String decision) {
        return classification.getEvidence().stream()
                .filter(e -> e.getDecision().equals(decision))
                .map(e -> {
                    String words = EvidenceWords.of(feedbackText, e);
                    return words == null ? e.getRule() : e.getRule() + " " + words;
                })
                .findFirst()
                .orElse("language " + classification.getLanguage());
    }
}
