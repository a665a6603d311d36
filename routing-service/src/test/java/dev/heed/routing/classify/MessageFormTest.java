package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A statement sent as feedback is a complaint as often as not; a question or a passed-on post is not (2.8). Own
 * sentences, none from a data set.
 */
class MessageFormTest {

    private static MessageForm form(String text) {
        return MessageForm.of(CLASSIFIER.tokenizer().tokenize(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @tidewater is the 7:40 ferry running in this wind?                     | ENQUIRY
            how late is the pharmacy counter open on bank holidays?                | ENQUIRY
            RT @tidewater: the 7:40 ferry is cancelled today due to high winds      | FORWARDED
            @tidewater 7:40 ferry cancelled, next one is full                     | STATEMENT
            charged £60 for a 'free' trial. who approved that??                   | STATEMENT
            you took the payment twice?! sort it out                              | STATEMENT
            """)
    void formFromPunctuationAndARetweet(String text, MessageForm expected) {
        assertThat(form(text)).isEqualTo(expected);
    }

    @Test
    void aStatementToSomeoneDoublesTheOddsOfNegative() {
        List<Finding> evidence = new ArrayList<>();
        double[] logits = {0.1, 0.4, -0.2};
        double[] shifted = FeedbackClassifier.statementPrior(logits,
                CLASSIFIER.tokenizer().tokenize("@gridline meter engineer came, left, meter unchanged"), 0, evidence);
        assertThat(shifted[0] - logits[0]).isCloseTo(Math.log(2), within(1e-12));
        assertThat(shifted[1]).isEqualTo(logits[1]);
        assertThat(shifted[2]).isEqualTo(logits[2]);
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("prior"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @gridline is the meter engineer still coming today?
            RT @gridline: meter engineers are out in the north today
            Engineers restored the line to the harbour district on Tuesday.
            """)
    void questionsPostsPassedOnAndNewsKeepTheModelsOwnPrior(String text) {
        List<Finding> evidence = new ArrayList<>();
        double[] logits = {0.1, 0.4, -0.2};
        assertThat(FeedbackClassifier.statementPrior(logits, CLASSIFIER.tokenizer().tokenize(text), 0, evidence))
                .isSameAs(logits);
        assertThat(evidence).isEmpty();
    }

    @Test
    void aStatementWhoseWordsPraiseKeepsTheModelsOwnPrior() {
        List<Finding> evidence = new ArrayList<>();
        double[] logits = {0.1, 0.4, -0.2};
        assertThat(FeedbackClassifier.statementPrior(logits,
                CLASSIFIER.tokenizer().tokenize("@gridline the engineer was quick and tidy"), 0.4, evidence))
                .isSameAs(logits);
        assertThat(evidence).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @swiftcab app said 2 min away for 20 minutes then the ride vanished
            @meadowgas sent a man to read the meter, he never knocked, bill estimated again
            """)
    void aFlatStatementToACompanyEscalates(String text) {
        Verdict v = classify(text);
        assertThat(v.escalate()).as(v.evidence().toString()).isTrue();
        assertThat(v.evidence()).anyMatch(e -> e.rule().equals("prior"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @swiftcab how do I add a second card for work rides?
            @meadowgas can I send my meter reading by text?
            @portrail do railcards work on the airport express?
            """)
    void anEnquiryDoesNot(String text) {
        Verdict v = classify(text);
        assertThat(v.escalate()).as(v.evidence().toString()).isFalse();
        assertThat(v.evidence()).noneMatch(e -> e.rule().equals("prior"));
    }
}
