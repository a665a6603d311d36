package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    private static LinearModel tiny() {
        int bits = 8;
        float[] weights = new float[LinearModel.CLASSES << bits];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) Math.sin(i) / 3;
        }
        return new LinearModel(bits, FeedbackClassifier.DENSE_FEATURES, new float[] {0.1f, 0.2f, -0.3f},
                new float[] {1, 0, -1, 0.5f, 0, -0.5f, 2, 0, -2}, weights);
    }

    @Test
    void writtenWeightsReadBackToTheSameScores() throws IOException {
        LinearModel model = tiny();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        LinearModel read = LinearModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        HashedFeatures.Buffer features = new HashedFeatures.Buffer();
        new HashedFeatures(8, Lexicon.loadDefault()).extract(CLASSIFIER.tokenizer().tokenize("never again, the worst"), features);
        double[] dense = {-0.5, 0.5, 0.6};
        double[] a = model.score(features, dense, 5).probabilities();
        double[] b = read.score(features, dense, 5).probabilities();
        for (int k = 0; k < 3; k++) {
            assertThat(b[k]).isCloseTo(a[k], within(1e-3));
        }
        assertThat(read.denseNames()).isEqualTo(FeedbackClassifier.DENSE_FEATURES);
    }

    @Test
    void aFileThatIsNotAModelIsRefused() {
        assertThatThrownBy(() -> LinearModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aModelThatReadsOtherFeaturesIsRefused() {
        LinearModel other = new LinearModel(8, List.of("x"), new float[3], new float[3], new float[LinearModel.CLASSES << 8]);
        assertThatThrownBy(() -> FeedbackClassifier.withModel(other)).hasMessageContaining("retrain");
    }

    @Test
    void theModelsReasonsAreSpansOfTheText() {
        Verdict c = classify("The courier threw the box over the fence and it broke.");
        assertThat(c.evidence()).anyMatch(e -> e.rule().equals("model") && e.start() >= 0
                && e.text().equals("The courier threw the box over the fence and it broke.".substring(e.start(), e.end())));
        assertThat(c.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aDoubtfulComplaintStillEscalatesWithALowConfidence() {
        Verdict c = classify("@skyway my flight was moved to tomorrow");
        assertThat(c.escalate()).isTrue();
        assertThat(c.confidence()).isLessThan(0.9);
    }

    @Test
    void hashedFeaturesAreTheSameForTheSameText() {
        HashedFeatures hashed = new HashedFeatures(18, Lexicon.loadDefault());
        HashedFeatures.Buffer a = new HashedFeatures.Buffer();
        HashedFeatures.Buffer b = new HashedFeatures.Buffer();
        hashed.extract(CLASSIFIER.tokenizer().tokenize("not good, not bad #meh"), a);
        hashed.extract(CLASSIFIER.tokenizer().tokenize("not good, not bad #meh"), b);
        assertThat(a.bucketArray()).isEqualTo(b.bucketArray());
        assertThat(java.util.Arrays.stream(a.bucketArray()).allMatch(x -> x >= 0 && x < 1 << 18)).isTrue();
        HashedFeatures.Buffer c = new HashedFeatures.Buffer();
        hashed.extract(CLASSIFIER.tokenizer().tokenize("good"), c);
        // "good" negated is another feature than "good".
        assertThat(a.bucketArray()).doesNotContain(c.bucket(0));
    }
}
