package dev.heed.classifier.tools;

import dev.heed.routing.classify.Classifier;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.Finding;
import dev.heed.routing.classify.Verdict;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Diagnostic: how the share escalated per label would move with the escalation threshold (on the complaint
 * probability the classifier reports; escalations forced by an intent stay escalated).
 */
final class Sweep {

    static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};

    private Sweep() {
    }

    static void print(Corpus corpus, java.util.function.IntFunction<Classifier> classifierOfRow, PrintStream out) {
        int[][] counts = new int[3][THRESHOLDS.length + 1];
        for (int i = 0; i < corpus.rows.size(); i++) {
            int label = Evaluate.THREE.indexOf(corpus.rows.get(i).label());
            counts[label][THRESHOLDS.length]++;
            Verdict c = classifierOfRow.apply(i).classify(ClassifierInput.ofText(corpus.rows.get(i).text()));
            double p = c.evidence().stream().filter(e -> e.rule().equals("complaint-probability"))
                    .mapToDouble(Finding::weight).findFirst().orElse(c.escalate() ? 1 : 0);
            for (int t = 0; t < THRESHOLDS.length; t++) {
                counts[label][t] += p >= THRESHOLDS[t] ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "  %s escalated at threshold t:%n", corpus.name);
        for (int t = 0; t < THRESHOLDS.length; t++) {
            out.printf(Locale.ROOT, "    t=%.2f", THRESHOLDS[t]);
            for (int l = 0; l < 3; l++) {
                int n = counts[l][THRESHOLDS.length];
                if (n > 0) {
                    out.printf(Locale.ROOT, "  %s %.3f", Evaluate.THREE.get(l), (double) counts[l][t] / n);
                }
            }
            out.println();
        }
    }
}
