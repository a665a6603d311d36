package dev.heed.classifier.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.LinearModel;
import dev.heed.routing.classify.ModelInput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {

    private static final FeedbackClassifier READER = FeedbackClassifier.withModel(FeedbackClassifier.untrainedModel(12));

    private static List<Example> examples() {
        String[][] texts = {
            {"0", "broken again, terrible"}, {"0", "awful delay, still waiting"}, {"0", "worst service, lost my bag"},
            {"1", "the office opens at nine"}, {"1", "the train leaves from platform two"}, {"1", "we moved offices"},
            {"2", "lovely staff, thank you"}, {"2", "great food and a wonderful evening"}, {"2", "excellent, fast and kind"},
        };
        List<Example> out = new ArrayList<>();
        for (String[] t : texts) {
            ModelInput in = READER.modelInput(t[1]);
            out.add(new Example(in.features().bucketArray(), in.dense(), Integer.parseInt(t[0]), 1));
        }
        return out;
    }

    @Test
    void itLearnsTheTrainingExamples() {
        LinearModel model = new LogisticTrainer(12, 30, 0.2, 1e-4, 1).train(examples(), FeedbackClassifier.DENSE_FEATURES);
        for (Example e : examples()) {
            ModelInput in = READER.modelInput(e.label() == 0 ? "broken again, terrible" : e.label() == 1
                    ? "the office opens at nine" : "lovely staff, thank you");
            double[] p = model.score(in.features(), in.dense(), 5).probabilities();
            int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertThat(best).isEqualTo(e.label());
        }
    }

    @Test
    void theSameExamplesAndSeedGiveTheSameFileByteForByte() throws Exception {
        LogisticTrainer trainer = new LogisticTrainer(12, 5, 0.05, 0.03, 17);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        trainer.train(examples(), FeedbackClassifier.DENSE_FEATURES).write(a);
        trainer.train(examples(), FeedbackClassifier.DENSE_FEATURES).write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        new LogisticTrainer(12, 5, 0.05, 0.03, 18).train(examples(), FeedbackClassifier.DENSE_FEATURES).write(c);
        assertThat(c.toByteArray()).isNotEqualTo(a.toByteArray());
    }

    @Test
    void classesAreWeightedAlikeAndSelectionsKeepTheirRows() throws Exception {
        Corpus corpus = Corpus.read(java.nio.file.Path.of(getClass().getResource("two-class.tsv").toURI()), READER);
        List<Example> all = Train.weighted(List.of(corpus), (c, i) -> true);
        // 3 negatives and 2 positives of 5: each class weighs 5/3 in all, as if there were equally many.
        assertThat(all).filteredOn(e -> e.label() == 0).allSatisfy(e -> assertThat(e.weight()).isEqualTo(5.0 / 9));
        assertThat(all).filteredOn(e -> e.label() == 2).allSatisfy(e -> assertThat(e.weight()).isEqualTo(5.0 / 6));
        assertThat(Train.weighted(List.of(corpus), (c, i) -> i % 2 == 0)).hasSize(3);
    }
}
