package dev.heed.routing.classify.eval;

import java.util.List;

/**
 * The evaluation of one file.
 *
 * @param file           the path as given
 * @param rows           rows classified
 * @param twoClass       true when the file has no neutral label and predictions were mapped to two classes
 * @param labels         class labels, the order of the confusion matrix rows (truth) and columns (predicted)
 * @param accuracy       share of rows predicted right
 * @param macroF1        mean F1 over the classes
 * @param perClass       precision, recall and F1 per class
 * @param confusion      {@code confusion[truth][predicted]}
 * @param triaged        rows the classifier sent to human triage (empty or non-English text)
 * @param textsPerSecond classification throughput over this file (one cold pass; see the JMH benchmark)
 */
public record FileReport(String file, int rows, boolean twoClass, List<String> labels, double accuracy, double macroF1,
        List<Metrics.ClassFigures> perClass, long[][] confusion, int triaged, double textsPerSecond) {
}
