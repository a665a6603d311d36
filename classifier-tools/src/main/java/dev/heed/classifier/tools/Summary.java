package dev.heed.classifier.tools;

import java.io.PrintStream;
import java.util.Locale;

/** One line per file: the figures the goals are stated in. */
final class Summary {

    private Summary() {
    }

    static void print(FileReport r, PrintStream out) {
        Metrics.ClassFigures negative = r.perClass().get(0);
        out.printf(Locale.ROOT, "  %-40s %s macro-F1 %.3f  acc %.3f  neg P %.3f R %.3f  escalated: neg %.3f neu %s pos %.3f%n",
                r.file(), r.twoClass() ? "2-class" : "3-class", r.macroF1(), r.accuracy(), negative.precision(),
                negative.recall(), r.escalatedShare("negative"), format(r.escalatedShare("neutral")),
                r.escalatedShare("positive"));
    }

    private static String format(double share) {
        return Double.isNaN(share) ? "  -  " : String.format(Locale.ROOT, "%.3f", share);
    }
}
