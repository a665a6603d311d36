package dev.heed.classifier.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures the classifier on labelled TSV files ({@code id, label, category, rating, text}).
 *
 * <pre>Evaluate [--ignore-rating] [--json] [--rows FILE] [--model FILE] FILE...</pre>
 *
 * Labels are {@code negative}, {@code neutral}, {@code positive}. A file without any {@code neutral} label is
 * scored as two classes: the prediction is {@code positive} when the score is at least
 * {@value #TWO_CLASS_THRESHOLD}, else {@code negative} (one global setting, the same for every file), so a
 * NEUTRAL verdict is decided by the sign of its score rather than counted wrong. Three-class files compare
 * the sentiment as is. Every file also gets its escalation report: the share of each true label that the
 * classifier escalated, and, where the {@code category} column names one of Heed's categories, how often the
 * top category agrees with it. {@code --ignore-rating} classifies the text alone; {@code --rows FILE} writes one TSV
 * line per row ({@code file, id, label, verdict, escalate, score, confidence, category, evidence}); {@code --model FILE}
 * measures a model written by {@link Train} instead of the shipped one.
 */
public final class Evaluate {

    /** Two-class decision threshold on the score; ties (no sentiment evidence at all) count as negative. */
    public static final double TWO_CLASS_THRESHOLD = 1e-9;
    static final List<String> THREE = List.of("negative", "neutral", "positive");
    static final List<String> TWO = List.of("negative", "positive");

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        if (options == null) {
            System.exit(2);
            return;
        }
        String unreadable = options.unreadable();
        if (unreadable != null) {
            System.err.println(unreadable);
            System.exit(2);
            return;
        }
        FeedbackClassifier classifier = options.model() == null ? FeedbackClassifier.loadDefault()
                : FeedbackClassifier.withModel(readModel(options.model()));
        List<FileReport> reports = new ArrayList<>();
        try (RowsWriter rows = RowsWriter.open(options.rows())) {
            for (Path file : options.files()) {
                reports.add(evaluate(classifier, file.toString(), LabelledTsv.read(file), options.ignoreRating(),
                        rows.forFile(file.toString())));
            }
        }
        print(reports, options.ignoreRating(), options.json(), System.out);
    }

    private static dev.heed.routing.classify.LinearModel readModel(Path file) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return dev.heed.routing.classify.LinearModel.read(in);
        }
    }

    /** Classifies every row, hands each verdict to {@code rowSink}, and scores the predictions. */
    public static FileReport evaluate(Classifier classifier, String name, List<LabelledRow> rows, boolean ignoreRating,
            Consumer<RowResult> rowSink) {
        boolean twoClass = rows.stream().noneMatch(r -> r.label().equals("neutral"));
        Metrics metrics = new Metrics(twoClass ? TWO : THREE);
        Map<String, int[]> escalation = new LinkedHashMap<>();
        int triaged = 0;
        int stated = 0;
        int agreed = 0;
        long started = System.nanoTime();
        for (LabelledRow row : rows) {
            Integer rating = ignoreRating ? null : row.rating();
            Verdict c = classifier.classify(new ClassifierInput(row.text(), rating, null, null));
            triaged += c.triage() ? 1 : 0;
            String verdict = predicted(c, twoClass);
            metrics.add(row.label(), verdict);
            int[] counts = escalation.computeIfAbsent(row.label(), l -> new int[2]);
            counts[0]++;
            counts[1] += c.escalate() ? 1 : 0;
            String category = c.topCategory().name();
            if (!row.category().isBlank()) {
                stated++;
                agreed += row.category().trim().equalsIgnoreCase(category) ? 1 : 0;
            }
            rowSink.accept(new RowResult(row.id(), row.label(), verdict, c.escalate(), c.score(), c.confidence(),
                    category, TopEvidence.of(c)));
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        List<FileReport.EscalationShare> shares = new ArrayList<>();
        for (String label : THREE) {
            int[] n = escalation.get(label);
            if (n != null) {
                shares.add(new FileReport.EscalationShare(label, n[0], n[1], (double) n[1] / n[0]));
            }
        }
        String single = escalation.size() == 1 ? escalation.keySet().iterator().next() : null;
        return new FileReport(name, rows.size(), twoClass, single, metrics.labels(), metrics.accuracy(),
                metrics.macroF1(), metrics.perClass(), metrics.matrix(), shares,
                new FileReport.CategoryAgreement(stated, agreed), triaged, rows.size() / seconds);
    }

    static String predicted(Verdict c, boolean twoClass) {
        if (twoClass) {
            return c.score() >= TWO_CLASS_THRESHOLD ? "positive" : "negative";
        }
        return c.sentiment().name().toLowerCase(Locale.ROOT);
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

    /** The command line. */
    record Options(boolean ignoreRating, boolean json, Path rows, Path model, List<Path> files) {
        static Options parse(String[] args) {
            boolean ignoreRating = false;
            boolean json = false;
            Path rows = null;
            Path model = null;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ignore-rating" -> ignoreRating = true;
                    case "--json" -> json = true;
                    case "--rows" -> {
                        if (++i == args.length) {
                            return usage("--rows needs a file");
                        }
                        rows = Path.of(args[i]);
                    }
                    case "--model" -> {
                        if (++i == args.length) {
                            return usage("--model needs a file");
                        }
                        model = Path.of(args[i]);
                    }
                    case "--help", "-h" -> {
                        return usage(null);
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            return usage("unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            return files.isEmpty() ? usage("no input file") : new Options(ignoreRating, json, rows, model, files);
        }

        /**
         * Why an input file or the model cannot be read (relative paths count from the working directory: the
         * repository root when run through Maven), or null when every one can.
         */
        String unreadable() {
            List<Path> inputs = new ArrayList<>(files);
            if (model != null) {
                inputs.add(model);
            }
            for (Path input : inputs) {
                if (!java.nio.file.Files.isRegularFile(input) || !java.nio.file.Files.isReadable(input)) {
                    return "cannot read " + input + " (" + input.toAbsolutePath().normalize() + "): no such readable file";
                }
            }
            return null;
        }

        private static Options usage(String problem) {
            if (problem != null) {
                System.err.println(problem);
            }
            System.err.println("usage: Evaluate [--ignore-rating] [--json] [--rows OUT.tsv] [--model FILE] FILE.tsv...");
            return null;
        }
    }
}
