package dev.heed.routing.classify;

import java.util.List;

/**
 * Turns the model's per-token contributions into evidence: the tokens that moved the balance between negative
 * and positive most, each with its span and weight (positive weight pushes towards negative, as the rules'
 * valences do the other way round: evidence weight is the push towards a complaint), plus the rules' scores
 * as the model weighed them. So a trained decision keeps its reasons.
 */
final class ModelEvidence {

    /** How many tokens are named, at most, per direction. */
    static final int TOP = 4;
    /** Contributions smaller than this are noise, not reasons. */
    static final double MIN_WEIGHT = 0.05;

    /** The evidence rule of each dense feature, made once rather than concatenated per text. */
    private static final String[] DENSE_RULES = FeedbackClassifier.DENSE_FEATURES.stream().map(n -> "model:" + n)
            .toArray(String[]::new);
    /** "rules' score -1.0" ... "rules' score 1.0", the texts of the hundredths in [-1, 1], made once. */
    private static final int SCORE_TEXTS_FROM = -100;
    private static final String[] SCORE_TEXTS = new String[201];

    static {
        for (int k = 0; k < SCORE_TEXTS.length; k++) {
            SCORE_TEXTS[k] = scoreText(k + SCORE_TEXTS_FROM);
        }
    }

    private ModelEvidence() {
    }

    static void add(String text, List<Token> tokens, LinearModel.Scores scores, LinearModel model, double[] dense,
            List<Finding> evidence) {
        double[] c = scores.contributions();
        top(text, tokens, c, 1, evidence);
        top(text, tokens, c, -1, evidence);
        for (int d = 0; d < dense.length; d++) {
            double w = model.denseContribution(d, dense[d]);
            if (Math.abs(w) >= MIN_WEIGHT) {
                evidence.add(Finding.untied(denseRule(model, d), "complaint", scoreTextOf(Math.round(dense[d] * 100)),
                        round(w)));
            }
        }
    }

    /** "model:" and the dense feature's name (the classifier's model reads {@code DENSE_FEATURES}, in order). */
    private static String denseRule(LinearModel model, int d) {
        String name = model.denseNames().get(d);
        return d < DENSE_RULES.length && FeedbackClassifier.DENSE_FEATURES.get(d).equals(name)
                ? DENSE_RULES[d] : "model:" + name;
    }

    private static String scoreTextOf(long hundredths) {
        long at = hundredths - SCORE_TEXTS_FROM;
        return at >= 0 && at < SCORE_TEXTS.length ? SCORE_TEXTS[(int) at] : scoreText(hundredths);
    }

    private static String scoreText(long hundredths) {
        return "rules' score " + Decimals.HUNDREDTHS.text(hundredths);
    }

    /** The {@link #TOP} tokens with the largest contribution of one sign, largest first. */
    private static void top(String text, List<Token> tokens, double[] c, int sign, List<Finding> evidence) {
        int[] best = new int[TOP];
        int found = 0;
        for (int i = 0; i < c.length; i++) {
            double v = c[i] * sign;
            if (v < MIN_WEIGHT) {
                continue;
            }
            int at;
            if (found < TOP) {
                at = found++;
            } else if (v > c[best[TOP - 1]] * sign) {
                at = TOP - 1;
            } else {
                continue;
            }
            while (at > 0 && c[best[at - 1]] * sign < v) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        for (int k = 0; k < found; k++) {
            Token t = tokens.get(best[k]);
            evidence.add(new Finding("model", "complaint", text.substring(t.start(), t.end()), t.start(), t.end(),
                    round(c[best[k]])));
        }
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
