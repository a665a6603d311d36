package dev.heed.classifier.tools;

import java.util.List;

/**
 * The evaluation of one file.
 *
 * @param file           the path as given
 * @param rows           rows classified
 * @param twoClass       true when the file has no neutral label and predictions were mapped to two classes
 * @param singleLabel    the one label every row carries, or {@code null} when there are several (then
 *                       precision and macro-F1 say little: recall and the escalation share are what count)
 * @param labels         class labels, the order of the confusion matrix rows (truth) and columns (predicted)
 * @param accuracy       share of rows predicted right
 * @param macroF1        mean F1 over the classes
 * @param perClass       precision, recall and F1 per class
 * @param confusion      {@code confusion[truth][predicted]}
 * @param escalation     per true label: how many rows the classifier escalated
 * @param categories     of the rows whose {@code category} column names one, how many got it as their top
 *                       category
 * @param triaged        rows the classifier sent to human triage (empty or non-English text)
 * @param textsPerSecond classification throughput over this file (one cold pass; see the JMH benchmark)
 */
public record FileReport(String file, int rows, boolean twoClass, String singleLabel, List<String> labels,
        double accuracy, double macroF1, List<Metrics.ClassFigures> perClass, long[][] confusion,
        List<EscalationShare> escalation, CategoryAgreement categories, int triaged, double textsPerSecond) {

    /** Rows that state a category, and how many of them the classifier put first in that category. */
    public record CategoryAgreement(int stated, int agreed) {
        public double share() {
            return stated == 0 ? Double.NaN : (double) agreed / stated;
        }
    }

    /** Of the rows with one true label, how many were escalated. */
    public record EscalationShare(String label, int rows, int escalated, double share) {
    }

    /** The escalation share of one label, or NaN when the file has no such row. */
    public double escalatedShare(String label) {
        return escalation.stream().filter(e -> e.label().equals(label)).mapToDouble(EscalationShare::share)
                .findFirst().orElse(Double.NaN);
    }
}
