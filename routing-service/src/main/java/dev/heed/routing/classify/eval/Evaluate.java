package dev.heed.routing.classify.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.heed.routing.classify.Classification;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.FeedbackClassifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the classifier on labelled TSV files ({@code id, label, category, rating, text}).
 *
 * <pre>Evaluate [--ignore-rating] [--json] FILE...</pre>
 *
 * Labels are {@code negative}, {@code neutral}, {@code positive}. A file without any {@code neutral} label is
 * scored as two classes: the prediction is {@code positive} when the score is at least
 * {@value #TWO_CLASS_THRESHOLD}, else {@code negative} (one global setting, the same for every file), so a
 * NEUTRAL verdict is decided by the sign of its score rather than counted wrong. Three-class files compare
 * the sentiment as is. {@code --ignore-rating} classifies the text alone.
 */
public final class Evaluate {

    /** Two-class decision threshold on the score; ties (no sentiment evidence at all) count as negative. */
    public static final double TWO_CLASS_THRESHOLD = 1e-9;
    private static final List<String> THREE = List.of("negative", "neutral", "positive");
    private static final List<String> TWO = List.of("negative", "positive");

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        boolean ignoreRating = false;
        boolean json = false;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--ignore-rating" -> ignoreRating = true;
                case "--json" -> json = true;
                default -> {
                    if (arg.startsWith("--")) {
                        usage("unknown option " + arg);
                        return;
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            usage("no input file");
            return;
        }
        FeedbackClassifier classifier = FeedbackClassifier.loadDefault();
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(evaluate(classifier, file, LabelledTsv.read(file), ignoreRating));
        }
        print(reports, ignoreRating, json, System.out);
    }

    /** Classifies every row and scores the predictions. */
    public static FileReport evaluate(FeedbackClassifier classifier, Path file, List<LabelledRow> rows,
            boolean ignoreRating) {
        boolean twoClass = rows.stream().noneMatch(r -> r.label().equals("neutral"));
        Metrics metrics = new Metrics(twoClass ? TWO : THREE);
        int triaged = 0;
        long started = System.nanoTime();
        for (LabelledRow row : rows) {
            Integer rating = ignoreRating ? null : row.rating();
            Classification c = classifier.classify(new ClassifierInput(row.text(), rating, null, null));
            triaged += c.triage() ? 1 : 0;
            metrics.add(row.label(), predicted(c, twoClass));
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        return new FileReport(file.toString(), rows.size(), twoClass, metrics.labels(), metrics.accuracy(),
                metrics.macroF1(), metrics.perClass(), metrics.matrix(), triaged, rows.size() / seconds);
    }

    static String predicted(Classification c, boolean twoClass) {
        if (twoClass) {
            return c.score() >= TWO_CLASS_THRESHOLD ? "positive" : "negative";
        }
        return c.sentiment().name().toLowerCase(java.util.Locale.ROOT);
    }

    static void print(List<FileReport> reports, boolean ignoreRating, boolean json, PrintStream out) throws IOException {
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", FeedbackClassifier.VERSION);
            root.put("ignoreRating", ignoreRating);
            root.put("twoClassThreshold", TWO_CLASS_THRESHOLD);
            root.put("files", reports);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            return;
        }
        out.println("classifier " + FeedbackClassifier.VERSION + (ignoreRating ? ", text only (--ignore-rating)" : ""));
        for (FileReport r : reports) {
            TextReport.print(r, out);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Evaluate [--ignore-rating] [--json] FILE.tsv...");
        System.exit(2);
    }
}
