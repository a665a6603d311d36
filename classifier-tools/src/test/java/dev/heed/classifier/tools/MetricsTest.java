package dev.heed.classifier.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heed.routing.classify.FeedbackClassifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsTest {

    /**
     * truth \ predicted: negative neutral positive
     * negative:          3        1       1
     * neutral:           0        1       1
     * positive:          1        0       2
     */
    private static Metrics threeClass() {
        Metrics m = new Metrics(List.of("negative", "neutral", "positive"));
        String[][] pairs = {{"negative", "negative"}, {"negative", "negative"}, {"negative", "negative"},
            {"negative", "neutral"}, {"negative", "positive"}, {"neutral", "neutral"}, {"neutral", "positive"},
            {"positive", "negative"}, {"positive", "positive"}, {"positive", "positive"}};
        for (String[] p : pairs) {
            m.add(p[0], p[1]);
        }
        return m;
    }

    @ParameterizedTest(name = "[{index}] {0}: precision {1}, recall {2}")
    @CsvSource(textBlock = """
            negative, 0.75, 0.6
            neutral,  0.5,  0.5
            positive, 0.5,  0.6666666667
            """)
    void perClassFiguresByHand(String label, double precision, double recall) {
        Metrics m = threeClass();
        assertThat(m.precision(label)).isCloseTo(precision, within(1e-9));
        assertThat(m.recall(label)).isCloseTo(recall, within(1e-9));
    }

    @Test
    void accuracyAndMacroF1ByHand() {
        Metrics m = threeClass();
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-9));
        double f1Negative = 2 * 0.75 * 0.6 / 1.35;
        double f1Neutral = 0.5;
        double f1Positive = 2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0);
        assertThat(m.macroF1()).isCloseTo((f1Negative + f1Neutral + f1Positive) / 3, within(1e-9));
        assertThat(m.matrix()[0]).containsExactly(3, 1, 1);
    }

    @Test
    void aClassNeverPredictedHasZeroPrecisionNotNaN() {
        Metrics m = new Metrics(List.of("negative", "positive"));
        m.add("negative", "positive");
        m.add("positive", "positive");
        assertThat(m.precision("negative")).isZero();
        assertThat(m.f1("negative")).isZero();
        assertThat(m.macroF1()).isCloseTo((0 + 2 * 0.5 * 1 / 1.5) / 2, within(1e-9));
    }

    @Test
    void aFileWithoutNeutralLabelsIsScoredAsTwoClasses() throws Exception {
        Path file = resource("two-class.tsv");
        FileReport r = Evaluate.evaluate(FeedbackClassifier.loadDefault(), file.toString(), LabelledTsv.read(file), true, row -> { });
        assertThat(r.twoClass()).isTrue();
        assertThat(r.labels()).containsExactly("negative", "positive");
        assertThat(r.rows()).isEqualTo(5);
        // t3 ("The staff were lovely.") is labelled negative on purpose: the only error.
        assertThat(r.confusion()[0]).containsExactly(2, 1);
        assertThat(r.confusion()[1]).containsExactly(0, 2);
        assertThat(r.accuracy()).isCloseTo(0.8, within(1e-9));
        assertThat(r.perClass().get(0).recall()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void jsonOutputIsOneObjectWithEveryFigure() throws Exception {
        Path file = resource("two-class.tsv");
        FileReport r = Evaluate.evaluate(FeedbackClassifier.loadDefault(), file.toString(), LabelledTsv.read(file), false, row -> { });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Evaluate.print(List.of(r), false, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
        var f = json.get("files").get(0);
        assertThat(f.get("accuracy").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(f.get("confusion").get(0).get(1).asInt()).isEqualTo(1);
        assertThat(f.get("perClass").get(1).get("label").asText()).isEqualTo("positive");
        assertThat(f.has("macroF1")).isTrue();
        assertThat(f.has("textsPerSecond")).isTrue();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MetricsTest.class.getResource(name).toURI());
    }
}
