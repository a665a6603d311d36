package dev.heed.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks on the hot path accept exactly what their documented patterns accept. */
class HandWrittenChecksTest {

    @Test
    void eventIdCheckAgreesWithItsPattern() {
        // Every class of character the pattern treats differently; the length bound is checked below.
        String alphabet = "aZ09._:-@/ é\t\u0000";
        assertAgree(FeedbackParser.EVENT_ID, FeedbackParser::isEventId, alphabet, 12, 200_000);
        assertThat(FeedbackParser.isEventId("a".repeat(128))).isTrue();
        assertThat(FeedbackParser.isEventId("a".repeat(129))).isFalse();
        assertThat(FeedbackParser.isEventId("")).isFalse();
    }

    @Test
    void emailCheckAgreesWithItsPattern() {
        // '@', '.', each whitespace \s means (space, \t, \n, \u000B, \f, \r), and characters it does not (NBSP,
        // the halves of a surrogate pair); plain letters weigh more, or too few samples are addresses.
        String alphabet = "aaaaaaaa@@.. \t\n\u000B\f\r\u00A0é\uD83D\uDE00";
        assertAgree(CustomerParser.EMAIL, CustomerParser::isEmail, alphabet, 9, 400_000);
        assertThat(CustomerParser.isEmail("ada@example.org")).isTrue();
        assertThat(CustomerParser.isEmail("ada@example")).isFalse();
        assertThat(CustomerParser.isEmail("ada@.org")).isFalse();
        assertThat(CustomerParser.isEmail("@example.org")).isFalse();
        assertThat(CustomerParser.isEmail("a@b@example.org")).isFalse();
        assertThat(CustomerParser.isEmail("ada@example.")).isFalse();
        assertThat(CustomerParser.isEmail("a@b.c")).isTrue();
    }

    private static void assertAgree(Pattern pattern, Predicate<String> check, String alphabet, int maxLength, int samples) {
        var random = new Random(7);
        int accepted = 0;
        for (int n = 0; n < samples; n++) {
            var value = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = value.toString();
            boolean expected = pattern.matcher(s).matches();
            assertThat(check.test(s)).as("%s on \"%s\"", pattern, s).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        // The samples must reach both answers, or the comparison proves little.
        assertThat(accepted).isBetween(samples / 1000, samples - samples / 1000);
    }
}
