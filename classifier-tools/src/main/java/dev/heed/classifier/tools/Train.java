package dev.heed.classifier.tools;

import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.LinearModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Trains the classifier's linear model on the team's shared data and measures it honestly, then writes the
 * weights the routing-service ships.
 *
 * <pre>Train --data DIR [--out FILE] [--no-write] [--bits 18] [--epochs 5] [--rate 0.05] [--l2 3e-2] [--folds 5] [--seed 17]</pre>
 *
 * {@code DIR} holds {@code train/} (TweetEval's two splits) and {@code dev/} (UCI sentences, Amazon Alexa
 * reviews). Measured before the final fit, every figure on text the model did not train on:
 * <ul>
 *   <li>each TweetEval split by a model trained on the other split plus the dev files;</li>
 *   <li>each dev file out of fold: {@code --folds} models, each trained on everything but one fold of that
 *       file, each fold classified by the model that did not see it.</li>
 * </ul>
 * Then one model is fitted on everything and written to {@code --out} (by default the routing-service's
 * resource). Deterministic: the same data and options give the same file.
 */
public final class Train {

    static final List<String> TWEETS = List.of("train/tweeteval_sentiment_test.norm.tsv", "train/tweeteval_sentiment_val.norm.tsv");
    static final List<String> DEV = List.of("dev/uci_amazon_cells.norm.tsv", "dev/uci_yelp.norm.tsv",
            "dev/uci_imdb.norm.tsv", "dev/amazon_alexa.norm.tsv");
    static final Path DEFAULT_OUT = Path.of("routing-service/src/main/resources/dev/heed/routing/classify",
            FeedbackClassifier.MODEL_RESOURCE);

    private Train() {
    }

    /** Why the data folder lacks a file the training reads, or null when it has them all. */
    static String unreadable(Path data) {
        for (String f : concat(TWEETS, DEV)) {
            Path file = data.resolve(f);
            if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
                return "cannot read " + file + " (" + file.toAbsolutePath().normalize() + "): --data must name the team's data"
                        + " folder, with dev/ and train/ (relative paths count from the repository root)";
            }
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        TrainOptions o = TrainOptions.parse(args);
        if (o == null) {
            System.exit(2);
            return;
        }
        String unreadable = unreadable(o.data());
        if (unreadable != null) {
            System.err.println(unreadable);
            System.exit(2);
            return;
        }
        FeedbackClassifier reader = FeedbackClassifier.withModel(FeedbackClassifier.untrainedModel(o.bits()));
        List<Corpus> all = new ArrayList<>();
        for (String f : concat(TWEETS, DEV)) {
            all.add(Corpus.read(o.data().resolve(f), reader));
        }
        LogisticTrainer trainer = new LogisticTrainer(o.bits(), o.epochs(), o.rate(), o.l2(), o.seed());
        List<FileReport> reports = new ArrayList<>();
        try (RowsWriter rows = RowsWriter.open(o.rows())) {
            for (int c = 0; c < all.size(); c++) {
                if (o.quick() && c != 1) {
                    continue;
                }
                Consumer<RowResult> sink = rows.forFile(all.get(c).name);
                reports.add(c < TWEETS.size() ? otherSplit(all, c, trainer, sink) : outOfFold(all, c, trainer, o.folds(), sink));
            }
        }
        System.out.println("held out (each file measured by models that did not train on it), text only:");
        for (FileReport r : reports) {
            Summary.print(r, System.out);
        }
        LinearModel model = trainer.train(weighted(all, (c, i) -> true), FeedbackClassifier.DENSE_FEATURES);
        if (o.write()) {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(o.out())) {
                model.write(out);
            }
            System.out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", o.out(), Files.size(o.out()));
        }
    }

    /** A TweetEval split measured by a model trained on the other split and the dev files. */
    private static FileReport otherSplit(List<Corpus> all, int held, LogisticTrainer trainer, Consumer<RowResult> sink) {
        LinearModel model = trainer.train(weighted(all, (c, i) -> c != held), FeedbackClassifier.DENSE_FEATURES);
        Corpus corpus = all.get(held);
        if (Boolean.getBoolean("heed.sweep")) {
            FeedbackClassifier classifier = FeedbackClassifier.withModel(model);
            Sweep.print(corpus, i -> classifier, System.out);
        }
        return Evaluate.evaluate(FeedbackClassifier.withModel(model), corpus.name, corpus.rows, true, sink);
    }

    /** A dev file measured fold by fold, each fold by a model trained on everything but that fold. */
    private static FileReport outOfFold(List<Corpus> all, int held, LogisticTrainer trainer, int folds,
            Consumer<RowResult> sink) {
        Corpus corpus = all.get(held);
        List<LabelledRow> rows = new ArrayList<>();
        List<FeedbackClassifier> byFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            LinearModel model = trainer.train(weighted(all, (c, i) -> c != held || i % folds != fold),
                    FeedbackClassifier.DENSE_FEATURES);
            byFold.add(FeedbackClassifier.withModel(model));
        }
        rows.addAll(corpus.rows);
        if (Boolean.getBoolean("heed.sweep")) {
            Sweep.print(corpus, i -> byFold.get(i % folds), System.out);
        }
        // One pass in row order; each row is classified by the model of its fold.
        int[] index = {0};
        return Evaluate.evaluate(input -> byFold.get(index[0]++ % folds).classify(input), corpus.name, rows, true, sink);
    }

    /** Which rows of which corpus to train on. */
    interface Selection {
        boolean test(int corpus, int row);
    }

    /** The selected examples, each class weighted so that the three weigh alike in the loss. */
    static List<Example> weighted(List<Corpus> all, Selection keep) {
        List<Example> examples = new ArrayList<>();
        for (int c = 0; c < all.size(); c++) {
            int corpus = c;
            IntPredicate rows = i -> keep.test(corpus, i);
            examples.addAll(all.get(c).examples(rows));
        }
        int[] perClass = new int[LinearModel.CLASSES];
        for (Example e : examples) {
            perClass[e.label()]++;
        }
        List<Example> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            double w = (double) examples.size() / (LinearModel.CLASSES * perClass[e.label()]);
            out.add(new Example(e.buckets(), e.dense(), e.label(), w));
        }
        return out;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
