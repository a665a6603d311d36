package dev.heed.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts the rules take for speed answer exactly what the lookups they replace answered: the phrase
 * tables' bit for words that continue a phrase, the vocabulary flags for the rules' word lists, remedies
 * grouped by first letter, and Irony's distance test read from token ends.
 */
class LookupShortcutsTest {

    private static final Lexicon LEXICON = Lexicon.loadDefault();

    @Test
    void phraseMatchesAreTheSameWithTheVocabularysInnerWordBits() {
        PhraseTable<String> table = new PhraseTable.Builder<String>(new Tokenizer(Set.of()))
                .add("charged twice", "money")
                .add("never arrived at all", "failure")
                .add("never arrived", "failure")
                .add("on hold|queue for ages", "waiting")
                .build(Vocabulary.COMPLAINTS);
        Vocabulary vocabulary = new Vocabulary(LEXICON, Map.of(), List.of(table), Map.of());

        assertThat(table.innerTokens()).containsExactlyInAnyOrder("twice", "arrived", "at", "all", "hold", "queue",
                "for", "ages");
        assertThat(vocabulary.apply("twice").phraseInner & Vocabulary.COMPLAINTS).isNotZero();
        assertThat(vocabulary.apply("ages").phraseInner & Vocabulary.COMPLAINTS).isNotZero();
        // First words only, or in no phrase: no bit, so the trie is not asked.
        assertThat(vocabulary.apply("charged").phraseInner).isZero();
        assertThat(vocabulary.apply("zebra").phraseInner).isZero();

        String text = "I was charged twice, it never arrived at all and then never arrived again; on hold for ages, "
                + "on queue for ages, charged at all";
        List<Token> plain = new Tokenizer(Set.of()).tokenize(text);
        List<Token> looked = new Tokenizer(Set.of(), w -> false, vocabulary).tokenize(text);
        List<String> withoutBits = new ArrayList<>();
        List<String> withBits = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            PhraseTable.Entry<String> a = table.longestAt(plain, i);
            PhraseTable.Entry<String> b = table.longestAt(looked, i);
            withoutBits.add(a == null ? "-" : a.term());
            withBits.add(b == null ? "-" : b.term());
        }
        assertThat(withBits).isEqualTo(withoutBits).contains("charged twice", "never arrived at all", "never arrived",
                "on hold for ages", "on queue for ages");
    }

    @Test
    void vocabularyFlagsAnswerAsTheRulesListsDo() {
        Tokenizer tokenizer = SharedClassifier.CLASSIFIER.tokenizer();
        Map<Integer, Set<String>> lists = Map.of(Word.THANKS, Irony.THANKS, Word.REMEDIED, Irony.REMEDIED,
                Word.ASKED, Mismatch.ASKED, Word.ASKED_FOR, Mismatch.ASKED_FOR);
        List<String> words = new ArrayList<>(LEXICON.words());
        lists.values().forEach(words::addAll);
        words.addAll(List.of("thanksgiving", "refund", "asks", "payed", "we", "@thanks", "fixed!", "Booked"));
        for (String w : words) {
            for (Token t : tokenizer.tokenize(w)) {
                assertThat(t.word()).isNotNull();
                lists.forEach((flag, list) -> assertThat(Word.in(t, flag, list)).as("%s in %s", t.norm(), list)
                        .isEqualTo(t.kind() != Token.Kind.HANDLE && list.contains(t.norm())));
            }
        }
    }

    @Test
    void remediesByFirstLetterAnswerAsTheFullList() {
        List<String> words = new ArrayList<>(LEXICON.words());
        words.addAll(List.of("", "fixing", "refunded", "after", "afternoon", "sorry", "émigré", "ünfixed", "1st", "'tis"));
        for (String w : words) {
            assertThat(Irony.remedy(w)).as(w).isEqualTo(Irony.REMEDIES.stream().anyMatch(w::startsWith));
        }
        String[][] groups = Irony.byFirstLetter(List.of("fix", "refund", "fill", "answer"));
        assertThat(groups['f']).containsExactly("fix", "fill");
        assertThat(groups['r']).containsExactly("refund");
        assertThat(groups['b']).isEmpty();
    }

    @Test
    void withinIsTheTokenDistanceThatTheSearchGives() {
        String text = "Thanks for the great service, my parcel was lost again!! and we waited 3 weeks :( #fail";
        List<Token> tokens = new Tokenizer(Set.of(":(")).tokenize(text);
        for (int offset = 0; offset <= text.length() + 1; offset++) {
            int at = Irony.tokenAt(tokens, offset);
            for (int last = -1; last <= tokens.size(); last++) {
                boolean expected = last >= 0 && at > last && at - last <= Irony.PROBLEM_WITHIN;
                assertThat(Irony.within(tokens, offset, last)).as("offset %d, token %d", offset, last)
                        .isEqualTo(expected);
            }
        }
    }
}
