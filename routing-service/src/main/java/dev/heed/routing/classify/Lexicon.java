package dev.heed.routing.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All word lists the sentiment rules read, loaded once from resources next to this class:
 * <ul>
 *   <li>{@code vader_lexicon.txt} — VADER 3.3.2's valences (MIT, licence in {@code vader_lexicon.LICENSE.txt});</li>
 *   <li>{@code heed-lexicon.tsv} — complaint vocabulary and phrases; overrides VADER for the same word;
 *       columns: term, valence, optional valence when negated, optional rule ({@code sarcasm},
 *       {@code sarcasm-frame});</li>
 *   <li>{@code modifiers.tsv} — boosters and dampeners (with their scalar), negations, contrast words.</li>
 * </ul>
 * Immutable after construction.
 */
final class Lexicon {

    /**
     * Everything known about one word, so the scorer asks once per token.
     *
     * @param valence  its sentiment, or {@code null}
     * @param booster  booster (positive) or dampener (negative) scalar, or 0
     * @param negation whether it negates the words after it
     * @param contrast whether it is a contrast word ("but")
     */
    record Term(Valence valence, double booster, boolean negation, boolean contrast) {
        static final Term NEGATION = new Term(null, 0, true, false);

        boolean modifier() {
            return booster != 0 || negation || contrast;
        }
    }

    private final Map<String, Term> terms;
    private final PhraseTable<Valence> phrases;
    private final Set<String> emoticons;

    private Lexicon(Map<String, Valence> words, PhraseTable<Valence> phrases, Map<String, Double> boosters,
            Set<String> negations, Set<String> contrasts, Set<String> emoticons) {
        // A HashMap rather than Map.copyOf: most lookups miss, and HashMap answers a miss faster than the
        // immutable collections' probing. Never mutated after construction, never handed out.
        Set<String> all = new HashSet<>(words.keySet());
        all.addAll(boosters.keySet());
        all.addAll(negations);
        all.addAll(contrasts);
        this.terms = new HashMap<>();
        for (String w : all) {
            terms.put(w, new Term(words.get(w), boosters.getOrDefault(w, 0.0), negations.contains(w), contrasts.contains(w)));
        }
        this.phrases = phrases;
        this.emoticons = Set.copyOf(emoticons);
    }

    static Lexicon loadDefault() {
        Map<String, Valence> words = new HashMap<>();
        Set<String> emoticons = new HashSet<>();
        for (String[] row : WordLists.rawRows("vader_lexicon.txt")) {
            String term = row[0];
            words.putIfAbsent(term, Valence.of(term, Double.parseDouble(row[1]), "lexicon"));
            if (!Character.isLetterOrDigit(term.charAt(0)) && term.length() <= 6 && !term.contains(" ")) {
                emoticons.add(term);
            }
        }
        Tokenizer phraseTokenizer = new Tokenizer(Set.of());
        PhraseTable.Builder<Valence> phrases = new PhraseTable.Builder<>(phraseTokenizer);
        for (String[] row : WordLists.rows("heed-lexicon.tsv")) {
            addHeedEntry(row, words, phrases);
        }
        Map<String, Double> boosters = new HashMap<>();
        Set<String> negations = new HashSet<>();
        Set<String> contrasts = new HashSet<>();
        for (String[] row : WordLists.rows("modifiers.tsv")) {
            switch (row[1]) {
                case "booster", "dampener" -> boosters.put(row[0], Double.parseDouble(row[2]));
                case "negation" -> negations.add(row[0]);
                case "contrast" -> contrasts.add(row[0]);
                default -> throw new IllegalStateException("unknown modifier kind " + row[1] + " for " + row[0]);
            }
        }
        return new Lexicon(words, phrases.build(Vocabulary.LEXICON), boosters, negations, contrasts, emoticons);
    }

    private static void addHeedEntry(String[] row, Map<String, Valence> words, PhraseTable.Builder<Valence> phrases) {
        String term = row[0].trim();
        double value = Double.parseDouble(row[1]);
        double negated = row.length > 2 && !row[2].isBlank() ? Double.parseDouble(row[2]) : Valence.negated(value);
        boolean phrase = term.contains(" ") || term.contains(",");
        String rule = row.length > 3 ? row[3] : (phrase ? "phrase:" + term : "lexicon");
        if (phrase) {
            phrases.add(term, new Valence(term, value, negated, rule));
            return;
        }
        for (String word : term.split("\\|")) {
            words.put(word, new Valence(word, value, negated, rule));
        }
    }

    /** What is known about a word, or {@code null}; any word ending in "n't" is a negation. */
    Term term(String norm) {
        Term t = terms.get(norm);
        return t == null && norm.endsWith("n't") ? Term.NEGATION : t;
    }

    /** What is known about a token's word: from its vocabulary entry when it has one, else looked up. */
    Term term(Token t) {
        Word w = t.word();
        return w != null ? w.term : term(t.norm());
    }

    /** Every word the lexicon knows (sentiment words and modifiers). */
    Set<String> words() {
        return java.util.Collections.unmodifiableSet(terms.keySet());
    }

    PhraseTable<Valence> phrases() {
        return phrases;
    }

    PhraseTable.Entry<Valence> phraseAt(List<Token> tokens, int i) {
        return phrases.longestAt(tokens, i);
    }

    boolean isNegation(String norm) {
        Term t = term(norm);
        return t != null && t.negation();
    }

    boolean isNegation(Token token) {
        Term t = term(token);
        return t != null && t.negation();
    }

    boolean isContrast(Token token) {
        Term t = term(token);
        return t != null && t.contrast();
    }

    /** Whether the word carries sentiment or modifies it (used by the language check as "known English"). */
    boolean knows(String norm) {
        return term(norm) != null;
    }

    Set<String> emoticons() {
        return emoticons;
    }
}
