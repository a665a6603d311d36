package dev.heed.routing.topology.event;

import dev.heed.events.Classification;
import dev.heed.events.Evidence;
import dev.heed.events.Intent;
import dev.heed.schemas.evidence.EvidenceWords;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
            reasons.add("complaint, confidence " + hundredths(confidence)
                    + (confidence < LOW_CONFIDENCE ? " (low: a person should check)" : "") + words(classification, feedbackText, "complaint"));
        }
        reasons.add("sentiment " + classification.getSentiment() + " (" + hundredths(classification.getScore()) + ")"
                + words(classification, feedbackText, "sentiment"));
        for (Intent intent : classification.getIntents()) {
            reasons.add("intent " + intent + words(classification, feedbackText, "intent:" + intent));
        }
        reasons.add("severity " + classification.getSeverity() + " (" + classification.getSeverityPoints() + " points"
                + rules(classification, "severity") + ")");
        return reasons;
    }

    /**
     * The words of the heaviest evidence for {@code decision}, at most {@value #WORDS_PER_REASON} different ones,
     * heaviest first (equal weights in evidence order). A loop, not a stream: it runs for every escalation.
     */
    private static String words(Classification classification, String feedbackText, String decision) {
        List<Weighed> matching = new ArrayList<>();
        for (Evidence e : classification.getEvidence()) {
            String words = e.getDecision().equals(decision) ? EvidenceWords.of(feedbackText, e) : null;
            if (words != null) {
                matching.add(new Weighed(words, Math.abs(e.getWeight())));
            }
        }
        if (matching.isEmpty()) {
            return "";
        }
        // List.sort is stable: of equal weights the earlier evidence comes first.
        matching.sort(Comparator.comparingDouble(Weighed::weight).reversed());
        Set<String> chosen = new LinkedHashSet<>();
        for (int k = 0; k < matching.size() && chosen.size() < WORDS_PER_REASON; k++) {
            chosen.add("\"" + matching.get(k).words() + "\"");
        }
        return ": " + String.join(", ", chosen);
    }

    private record Weighed(String words, double weight) {}

    /**
     * {@code x} with two decimals, as {@code String.format(Locale.ROOT, "%.2f", x)} writes it (the shortest
     * decimal that reads back as {@code x}, rounded half up; a negative number that rounds to zero keeps its
     * sign), in a fraction of its time: the formatter was a tenth of routing's work per escalation.
     * EscalationReasonsTest compares the two over many values.
     */
    static String hundredths(double x) {
        if (!Double.isFinite(x)) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        String digits = new BigDecimal(Double.toString(Math.abs(x))).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return x < 0 || (x == 0 && 1 / x < 0) ? "-" + digits : digits;
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
