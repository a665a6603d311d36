package dev.heed.classifier.tools;

import dev.heed.routing.classify.FeedbackClassifier;
import java.nio.file.Path;

/** {@link Train}'s command line. */
record TrainOptions(Path data, Path out, boolean write, int bits, int epochs, double rate, double l2, int folds, long seed, boolean quick, Path rows) {

    static TrainOptions parse(String[] args) {
        Path data = null;
        Path out = Train.DEFAULT_OUT;
        boolean write = true;
        boolean quick = false;
        Path rows = null;
        int bits = FeedbackClassifier.MODEL_BITS;
        int epochs = 5;
        double rate = 0.05;
        double l2 = 3e-2;
        int folds = 5;
        long seed = 17;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-write")) {
                    write = false;
                    continue;
                }
                if (a.equals("--quick")) {
                    quick = true;
                    write = false;
                    continue;
                }
                if (a.equals("--help") || a.equals("-h") || i + 1 == args.length) {
                    return usage(a.startsWith("--h") || a.equals("-h") ? null : a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--data" -> data = Path.of(v);
                    case "--out" -> out = Path.of(v);
                    case "--rows" -> rows = Path.of(v);
                    case "--bits" -> bits = Integer.parseInt(v);
                    case "--epochs" -> epochs = Integer.parseInt(v);
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--l2" -> l2 = Double.parseDouble(v);
                    case "--folds" -> folds = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> {
                        return usage("unknown option " + a);
                    }
                }
            }
        } catch (NumberFormatException e) {
            return usage("not a number: " + e.getMessage());
        }
        if (data == null) {
            return usage("--data is required");
        }
        if (bits != FeedbackClassifier.MODEL_BITS && write && out.equals(Train.DEFAULT_OUT)) {
            return usage("the shipped model must have " + FeedbackClassifier.MODEL_BITS + " bits; use --out or --no-write");
        }
        return new TrainOptions(data, out, write, bits, epochs, rate, l2, folds, seed, quick, rows);
    }

    private static TrainOptions usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("usage: Train --data DIR [--out FILE] [--no-write] [--bits 18] [--epochs 5] [--rate 0.05]"
                + " [--l2 3e-2] [--folds 5] [--seed 17] [--quick] [--rows OUT.tsv]");
        return null;
    }
}
