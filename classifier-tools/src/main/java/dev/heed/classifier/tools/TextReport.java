package dev.heed.classifier.tools;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a {@link FileReport} as a human-readable block. */
final class TextReport {

    private TextReport() {
    }

    static void print(FileReport r, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%s: %d rows%s, %d triaged, %.0f texts/s%n", r.file(), r.rows(),
                r.twoClass() ? " (two classes: score > 0 is positive)" : "",
                r.triaged(), r.textsPerSecond());
        out.printf(Locale.ROOT, "  accuracy %.3f   macro-F1 %.3f%n", r.accuracy(), r.macroF1());
        out.printf(Locale.ROOT, "  %-10s %9s %9s %9s%n", "class", "precision", "recall", "F1");
        for (Metrics.ClassFigures f : r.perClass()) {
            out.printf(Locale.ROOT, "  %-10s %9.3f %9.3f %9.3f%n", f.label(), f.precision(), f.recall(), f.f1());
        }
        printMatrix(r.labels(), r.confusion(), out);
        out.printf(Locale.ROOT, "  escalated:");
        for (FileReport.EscalationShare e : r.escalation()) {
            out.printf(Locale.ROOT, "  %s %.3f (%d of %d)", e.label(), e.share(), e.escalated(), e.rows());
        }
        out.println();
        if (r.categories().stated() > 0) {
            out.printf(Locale.ROOT, "  top category agrees with the stated one: %.3f (%d of %d)%n", r.categories().share(),
                    r.categories().agreed(), r.categories().stated());
        }
        if (r.singleLabel() != null) {
            out.printf(Locale.ROOT, "  note: every row is %s, so precision and macro-F1 say little here; read the %s recall"
                    + " and the escalated share%n", r.singleLabel(), r.singleLabel());
        }
    }

    private static void printMatrix(List<String> labels, long[][] m, PrintStream out) {
        out.printf(Locale.ROOT, "  confusion (rows: truth, columns: predicted)%n  %-10s", "");
        for (String l : labels) {
            out.printf(Locale.ROOT, " %9s", l);
        }
        out.println();
        for (int i = 0; i < labels.size(); i++) {
            out.printf(Locale.ROOT, "  %-10s", labels.get(i));
            for (long c : m[i]) {
                out.printf(Locale.ROOT, " %9d", c);
            }
            out.println();
        }
    }
}
