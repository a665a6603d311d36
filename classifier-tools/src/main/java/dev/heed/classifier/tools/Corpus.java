package dev.heed.classifier.tools;

import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.ModelInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled file read once: its rows, and for each row what the model reads of its text ({@code null} for
 * a row the classifier sends to triage, which trains nothing). Text only: a rating would leak the label.
 */
final class Corpus {

    final String name;
    final List<LabelledRow> rows;
    final List<ModelInput> inputs;

    private Corpus(String name, List<LabelledRow> rows, List<ModelInput> inputs) {
        this.name = name;
        this.rows = rows;
        this.inputs = inputs;
    }

    static Corpus read(Path file, FeedbackClassifier reader) throws IOException {
        List<LabelledRow> rows = LabelledTsv.read(file);
        List<ModelInput> inputs = new ArrayList<>(rows.size());
        for (LabelledRow row : rows) {
            inputs.add(row.text().isBlank() ? null : reader.modelInput(row.text()));
        }
        return new Corpus(file.getFileName().toString(), rows, inputs);
    }

    /** The rows whose index satisfies {@code keep}, as training examples of weight 1. */
    List<Example> examples(java.util.function.IntPredicate keep) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ModelInput in = inputs.get(i);
            if (in != null && keep.test(i)) {
                out.add(new Example(in.features().bucketArray(), in.dense(), Evaluate.THREE.indexOf(rows.get(i).label()), 1));
            }
        }
        return out;
    }

    List<LabelledRow> rows(java.util.function.IntPredicate keep) {
        List<LabelledRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(i)) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
