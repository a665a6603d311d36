package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityAndEscalationTest {

    @ParameterizedTest(name = "[{index}] {0} points -> {1}")
    @CsvSource(textBlock = """
            0, LOW
            1, LOW
            2, MEDIUM
            3, MEDIUM
            4, HIGH
            5, HIGH
            6, CRITICAL
            9, CRITICAL
            """)
    void pointThresholds(int points, SeverityLabel expected) {
        assertThat(SeverityPolicy.level(points, Set.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} days -> {1} points")
    @CsvSource(textBlock = """
            0.5, 0
            1, 1
            6, 1
            7, 2
            29, 2
            30, 3
            """)
    void waitPoints(double days, int expected) {
        assertThat(SeverityPolicy.waitPoints(days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks, lovely service.                                                               | LOW
            The soup was a bit cold.                                                              | LOW
            The food was terrible and the waiter was rude.                                        | MEDIUM
            My order is late.  I have been waiting for 3 weeks and this is the third time I write. | CRITICAL
            STILL NO REFUND!! This is unacceptable, I have been waiting since last month.         | CRITICAL
            I will see you in court.                                                              | HIGH
            The heater started smoking, it is dangerous.                                          | CRITICAL
            """)
    void severityFromThePointSystem(String text, SeverityLabel expected) {
        assertThat(classify(text).severity()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} days")
    @CsvSource(delimiter = '|', textBlock = """
            I have been waiting for 3 weeks.          | 21
            Ordered two days ago, nothing yet.        | 2
            No reply since Monday.                    | 3
            Waiting since last month for a refund.    | 30
            It lasted 3 weeks.                        | 0
            """)
    void waitDurationNeedsAWaitingCue(String text, double days) {
        String t = text;
        assertThat(new WaitDuration().longest(t, CLASSIFIER.tokenizer().tokenize(t)).days()).isEqualTo(days);
    }

    @ParameterizedTest(name = "[{index}] {0} -> escalate {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The food was cold and the waiter ignored us.                       | true
            Great stay, thank you!                                             | false
            Lovely staff, but the kettle sparked and caught fire.              | true
            Love the product, but my lawyer says the contract is unfair.       | true
            Great people, still I am switching to another provider.            | true
            I received the invoice today.                                      | false
            ''                                                                 | true
            """)
    void escalationRule(String text, boolean escalate) {
        assertThat(classify(text).escalate()).isEqualTo(escalate);
    }
}
