package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageAndTriageTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                        | und
            '   '                                                     | und
            El pedido no ha llegado y nadie contesta el teléfono.     | es
            Le colis est arrivé cassé et je veux un remboursement.    | fr
            Die Bestellung ist nicht angekommen, das ist ärgerlich.   | de
            Заказ не пришёл, верните деньги.                          | und
            注文した商品が届きません。                                   | und
            ...                                                       | und
            """)
    void emptyAndNonEnglishTextGoesToTriageUnscored(String text, String language) {
        Verdict c = CLASSIFIER.classify(ClassifierInput.ofText(text));
        assertThat(c.triage()).isTrue();
        assertThat(c.escalate()).isTrue();
        assertThat(c.language()).isEqualTo(language);
        assertThat(c.sentiment()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(c.score()).isZero();
        assertThat(c.evidence()).anyMatch(e -> e.decision().equals("triage")
                && (e.rule().equals("language") || e.rule().equals("empty")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Terrible service.
            My parcel never arrived, where is it?
            Love it
            The Echo Dot sounds great in the kitchen.
            Music
            """)
    void englishIsNotTriaged(String text) {
        Verdict c = CLASSIFIER.classify(ClassifierInput.ofText(text));
        assertThat(c.triage()).isFalse();
        assertThat(c.language()).isEqualTo("en");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ⭐⭐⭐⭐⭐   | POSITIVE
            10/10       | POSITIVE
            Barry       | NEUTRAL
            """)
    void wordlessOrOneUnknownWordIsScoredNotTriaged(String text, SentimentLabel expected) {
        Verdict c = CLASSIFIER.classify(ClassifierInput.ofText(text));
        assertThat(c.triage()).isFalse();
        assertThat(c.language()).isEqualTo("und");
        assertThat(c.sentiment()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The kettle leaks.
            Oh great, another delay.
            """)
    void everyClassificationCarriesVersionAndSpansThatPointIntoTheText(String text) {
        Verdict c = CLASSIFIER.classify(ClassifierInput.ofText(text));
        assertThat(c.version()).isEqualTo(FeedbackClassifier.VERSION);
        assertThat(c.evidence()).filteredOn(e -> e.start() >= 0)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
    }
}
