package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * Whether a human must own this feedback as a complaint ("is this a problem that needs a person"), and how
 * sure the classifier is of that. Two kinds of evidence are joined as independent causes (a noisy OR):
 * <ul>
 *   <li>the model's probability that the text is negative, {@code n};</li>
 *   <li>the stated problem ({@link ComplaintSignals}: failures, waiting, money taken, ... plus a refund
 *       request or repeated contact), of summed strength {@code s}, read as {@code q = 1 - exp(-s·(1 - pos))}:
 *       a clear statement counts even when the tone is polite or flat, and counts less the more plainly
 *       positive the text is ("delayed, but the crew were wonderful").</li>
 * </ul>
 * The complaint probability is {@code 1 - (1 - n)(1 - q)}; escalate when it is at least {@value #THRESHOLD}, or,
 * whatever it is, when the customer raises safety, the law or leaving. The confidence is the probability that
 * the decision is right: the complaint probability when escalating, one minus it when not, 1 when an intent
 * forced the escalation. Missing a complaint is the costlier error, so a doubtful complaint still escalates,
 * marked by its low confidence.
 */
final class EscalationDecision {

    static final double THRESHOLD = 0.5;
    /** Strength a refund request or repeated contact adds to the stated problem. */
    static final double INTENT_STRENGTH = 0.8;
    private static final Set<IntentLabel> ALWAYS_ESCALATE =
            Set.of(IntentLabel.SAFETY_ISSUE, IntentLabel.LEGAL_THREAT, IntentLabel.CANCELLATION_THREAT);

    /** The decision and the probability that it is right. */
    record Verdict(boolean escalate, double confidence) {
    }

    private EscalationDecision() {
    }

    /**
     * @param negative the model's probability of negative
     * @param positive the model's probability of positive
     * @param problem  the summed strength of the stated problem
     */
    static Verdict decide(double negative, double positive, double problem, Set<IntentLabel> intents, List<Finding> evidence) {
        for (IntentLabel i : intents) {
            if (ALWAYS_ESCALATE.contains(i)) {
                evidence.add(Finding.untied("intent", "escalate", i.name(), 1));
                return new Verdict(true, 1.0);
            }
        }
        double strength = problem + (intents.contains(IntentLabel.REFUND_REQUEST) ? INTENT_STRENGTH : 0)
                + (intents.contains(IntentLabel.REPEAT_CONTACT) ? INTENT_STRENGTH : 0);
        long thousandths = Math.round(probability(negative, positive, strength) * 1000);
        double p = thousandths / 1000.0;
        boolean escalate = p >= THRESHOLD;
        evidence.add(Finding.untied("complaint-probability", "escalate", "p=" + Decimals.THOUSANDTHS.text(thousandths), p));
        return new Verdict(escalate, escalate ? p : 1 - p);
    }

    static double probability(double negative, double positive, double strength) {
        double stated = 1 - Math.exp(-strength * (1 - positive));
        return 1 - (1 - negative) * (1 - stated);
    }
}
