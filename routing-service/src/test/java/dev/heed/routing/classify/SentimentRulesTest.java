package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static dev.heed.routing.classify.SharedClassifier.rulesPolarity;
import static dev.heed.routing.classify.SharedClassifier.rulesScore;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VADER-style rules, one table per rule; each row is a sentence and the polarity it must get. */
class SentimentRulesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The food was good.                       | POSITIVE
            The food was not good.                   | NEGATIVE
            The food was not good at all.            | NEGATIVE
            The food was not bad.                    | POSITIVE
            I have never been disappointed here.     | POSITIVE
            It doesn't work.                         | NEGATIVE
            It isn't worth the money.                | NEGATIVE
            I would not recommend this phone.        | NEGATIVE
            We won't be back.                        | NEGATIVE
            The app doesn't respond half the time.   | NEGATIVE
            No problems so far, works great.         | POSITIVE
            """)
    void negationFlipsTheWordsItGoverns(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The staff were lovely but the food was awful.         | NEGATIVE
            The food was awful but the staff were lovely.         | POSITIVE
            Delivery was quick, however the box arrived broken.   | NEGATIVE
            """)
    void theClauseAfterAContrastWeighsMore(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
        assertThat(classify(text).evidence()).anyMatch(e -> e.rule().startsWith("contrast:"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Oh great, another delay.
            Thanks for nothing.
            Just perfect, the parcel is lost again.
            Yeah right, 'next day delivery'.
            """)
    void sarcasmCountsNegative(String text) {
        Verdict c = classify(text);
        assertThat(c.sentiment()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(c.evidence()).anyMatch(e -> e.rule().equals("sarcasm"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Oh great, it arrived a day early.
            Just perfect, thank you so much.
            """)
    void sarcasmFramesStayPositiveWithoutAComplaint(String text) {
        assertThat(rulesPolarity(text)).isEqualTo(SentimentLabel.POSITIVE);
    }

    @ParameterizedTest(name = "[{index}] {1} stronger than {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The service was bad.       | The service was BAD.
            The service was bad.       | The service was bad!!!
            The service was bad.       | The service was very bad.
            The service was good.      | The service was extremely good.
            The service was good.      | The service was GOOD!
            """)
    void emphasisStrengthensWithoutChangingPolarity(String plain, String emphatic) {
        double a = rulesScore(plain);
        double b = rulesScore(emphatic);
        assertThat(Math.signum(b)).isEqualTo(Math.signum(a));
        assertThat(Math.abs(b)).isGreaterThan(Math.abs(a));
    }

    @ParameterizedTest(name = "[{index}] {0} is weaker")
    @CsvSource(delimiter = '|', textBlock = """
            The service was slightly bad.  | The service was bad.
            The room was somewhat good.    | The room was good.
            """)
    void dampenersWeaken(String damped, String plain) {
        assertThat(Math.abs(rulesScore(damped))).isLessThan(Math.abs(rulesScore(plain)));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Love it 😍                  | POSITIVE
            Parcel lost again 😡        | NEGATIVE
            Arrived on time :)          | POSITIVE
            Still no refund :(          | NEGATIVE
            👍                          | POSITIVE
            """)
    void emojiAndEmoticonsCarrySentiment(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Still waiting for my order.                                   | NEGATIVE
            I was charged twice for one ticket.                           | NEGATIVE
            I called five times and no one answers.                       | NEGATIVE
            Where is my parcel                                            | NEGATIVE
            The blender stopped working after a week, waste of money.     | NEGATIVE
            Never again.                                                  | NEGATIVE
            Returned it the next day.                                     | NEGATIVE
            Worst airline ever.                                           | NEGATIVE
            """)
    void complaintVocabularyIsNegative(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The driver was friendly, but the parcel was soaked and the box was crushed.       | NEGATIVE
            Great prices and the app is easy, although checkout crashed once. Still love it.  | POSITIVE
            The room was fine. The breakfast was fine.                                        | POSITIVE
            I received the invoice today.                                                     | NEUTRAL
            """)
    void mixedFeedbackFollowsTheBalance(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} with {1} stars -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            I received the invoice today.   | 1 | NEGATIVE
            I received the invoice today.   | 5 | POSITIVE
            I received the invoice today.   | 3 | NEUTRAL
            Great product, love it.         | 1 | POSITIVE
            Terrible, broke in a day.       | 5 | NEGATIVE
            """)
    void aRatingIsFusedWithTheText(String text, int rating, SentimentLabel expected) {
        Verdict c = CLASSIFIER.classify(new ClassifierInput(text, rating, "web", "en"));
        assertThat(c.sentiment()).isEqualTo(expected);
        assertThat(c.evidence()).anyMatch(e -> e.rule().equals("rating") && e.start() == -1);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Honestly 10/10.                       | POSITIVE
            I give it 1 out of 10.                | NEGATIVE
            2 stars, the lid cracked.             | NEGATIVE
            Would rate it 9 out of 10             | POSITIVE
            Delivery window was 24/48 hours.      | NEUTRAL
            """)
    void scoresWrittenInTheTextCount(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I don't think you will be disappointed.          | POSITIVE
            Nothing short of magnificent.                    | POSITIVE
            All in all, a great disappointment.              | NEGATIVE
            The soup lacks flavour.                          | NEGATIVE
            """)
    void negationScopeAndIntensifiers(String text, SentimentLabel expected) {
        assertThat(rulesPolarity(text)).isEqualTo(expected);
    }
}
