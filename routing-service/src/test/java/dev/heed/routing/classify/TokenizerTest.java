package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the tokenizer makes of social and web text before any rule reads it. */
class TokenizerTest {

    private static List<Token> tokens(String text) {
        return CLASSIFIER.tokenizer().tokenize(text);
    }

    private static List<String> words(String text) {
        return tokens(text).stream().filter(Token::isWord).map(Token::norm).toList();
    }

    @Test
    void handlesAndLinksAreTokensOfTheirOwnNotWords() {
        String text = "@Unitedly my refund, see https://example.com/case?id=7 or www.example.org.";
        List<Token> t = tokens(text);
        assertThat(t.get(0).kind()).isEqualTo(Token.Kind.HANDLE);
        assertThat(t.get(0).norm()).isEqualTo("@unitedly");
        assertThat(t).filteredOn(x -> x.kind() == Token.Kind.LINK).extracting(x -> text.substring(x.start(), x.end()))
                .containsExactly("https://example.com/case?id=7", "www.example.org");
        assertThat(words(text)).containsExactly("my", "refund", "see", "or");
    }

    @Test
    void anAddressIsNotAHandle() {
        assertThat(tokens("mail ada@example.com today")).noneMatch(x -> x.kind() == Token.Kind.HANDLE);
    }

    @Test
    void htmlEntitiesAreReadAsTheirCharacters() {
        assertThat(words("fast &amp; friendly &gt; slow &quot;ok&quot;")).containsExactly("fast", "friendly", "slow", "ok");
        assertThat(tokens("love it &lt;3")).anyMatch(x -> x.norm().equals("<3") && x.kind() == Token.Kind.SYMBOL);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '#NeverAgain'           | never again
            '#fail'                 | fail
            '#WorstServiceEver2024' | worst service ever 2024
            '#on_hold_forever'      | on hold forever
            '#ABCNews'              | abc news
            """)
    void hashtagsAreSplitIntoTheirWords(String tag, String expected) {
        List<Token> t = tokens(tag);
        assertThat(t).extracting(Token::norm).containsExactly(expected.split(" "));
        assertThat(t).filteredOn(Token::isWord).allMatch(Token::hashtag);
        assertThat(t).allMatch(x -> tag.substring(x.start(), x.end()).equalsIgnoreCase(x.norm()));
    }

    @Test
    void drawnOutLettersFoldBackToTheKnownWord() {
        List<Token> t = tokens("sooo baaad, goooood");
        assertThat(t).filteredOn(Token::isWord).extracting(Token::norm).containsExactly("so", "bad", "good");
        assertThat(t).filteredOn(Token::isWord).allMatch(Token::elongated);
        assertThat(tokens("good food")).filteredOn(Token::isWord).noneMatch(Token::elongated);
    }

    @Test
    void repeatedEmoticonsAreTheEmoticonDrawnOut() {
        Token smile = tokens("thanks :)))").get(1);
        assertThat(smile.norm()).isEqualTo(":)");
        assertThat(smile.elongated()).isTrue();
    }

    @Test
    void titleCaseAndCapitalsAreMarked() {
        List<Token> t = tokens("Fair Credit and NEVER again");
        assertThat(t.get(0).titleCase()).isTrue();
        assertThat(t.get(3).allCaps()).isTrue();
        assertThat(t.get(2).titleCase()).isFalse();
    }
}
