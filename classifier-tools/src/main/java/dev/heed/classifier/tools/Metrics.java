package dev.heed.classifier.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix over a fixed list of labels and the figures derived from it. Precision or recall of a
 * class with nothing predicted or nothing true is 0 (and counts as such in the macro average).
 */
public final class Metrics {

    private final List<String> labels;
    private final long[][] counts;

    public Metrics(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    public void add(String truth, String predicted) {
        counts[index(truth)][index(predicted)]++;
    }

    public List<String> labels() {
        return labels;
    }

    /** {@code matrix()[truth][predicted]}, a copy. */
    public long[][] matrix() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < counts.length; i++) {
            right += counts[i][i];
        }
        return ratio(right, total());
    }

    public double precision(String label) {
        int c = index(label);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return ratio(counts[c][c], predicted);
    }

    public double recall(String label) {
        int c = index(label);
        long truth = 0;
        for (long n : counts[c]) {
            truth += n;
        }
        return ratio(counts[c][c], truth);
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (String label : labels) {
            sum += f1(label);
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    /** Per-class figures in label order. */
    public List<ClassFigures> perClass() {
        List<ClassFigures> out = new ArrayList<>();
        for (String label : labels) {
            out.add(new ClassFigures(label, precision(label), recall(label), f1(label)));
        }
        return out;
    }

    /** Precision, recall and F1 of one class. */
    public record ClassFigures(String label, double precision, double recall, double f1) {
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "', expected one of " + labels);
        }
        return i;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
