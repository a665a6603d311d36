package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/** Which negation, if any, governs a word. Immutable. */
final class NegationScope {

    private static final Set<String> RAISING_VERBS =
            Lookups.setOf("think", "believe", "expect", "imagine", "suppose", "feel", "see");

    private final Lexicon lexicon;

    NegationScope(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The negation governing the word at {@code first}: within {@link SentimentScorer#SCOPE} words of the same clause, or
     * anywhere earlier in the clause when a negation-raising verb follows it ("I don't think you'll be
     * disappointed"). "far from" negates like "not".
     */
    int governing(List<Token> tokens, int first) {
        int seen = 0;
        for (int j = first - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.isPunct() || lexicon.isContrast(t)) {
                return -1;
            }
            if (isNegationAt(tokens, j)) {
                if (lexicon.phraseAt(tokens, j) != null) {
                    return -1;
                }
                if (seen < SentimentScorer.SCOPE) {
                    // "no" is a determiner: it governs the next word or two ("no good", "no real help").
                    return t.norm().equals("no") && seen >= 2 ? -1 : j;
                }
                return raisedAt(tokens, j) ? j : -1;
            }
            seen++;
        }
        return -1;
    }

    boolean isNegationAt(List<Token> tokens, int j) {
        Token t = tokens.get(j);
        return lexicon.isNegation(t) || (t.norm().equals("from") && j > 0 && tokens.get(j - 1).norm().equals("far"));
    }

    boolean raisedAt(List<Token> tokens, int negation) {
        return negation + 1 < tokens.size() && RAISING_VERBS.contains(tokens.get(negation + 1).norm());
    }
}
