package dev.heed.routing.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every word any of the classifier's lists knows, each with what every list says of it ({@link Word}): one
 * hash lookup per token instead of one per rule. Built once from the loaded lists; immutable.
 */
final class Vocabulary implements Function<String, Word> {

    /** Phrase table bits ({@link PhraseTable#bit()}). */
    static final int LEXICON = 1;
    static final int CATEGORIES = 2;
    static final int INTENTS = 4;
    static final int COMPLAINTS = 8;

    private final Map<String, Word> words = new HashMap<>();
    private final Word negation = new Word(Lexicon.Term.NEGATION, 0, 0, 0);

    /**
     * @param lexicon   the sentiment words
     * @param languages function word → language bits
     * @param tables    the phrase tables whose first words are recorded, each by its own bit
     * @param flagged   word → {@link Word} flags
     */
    Vocabulary(Lexicon lexicon, Map<String, Integer> languages, List<PhraseTable<?>> tables, Map<String, Integer> flagged) {
        Set<String> all = new HashSet<>(lexicon.words());
        all.addAll(languages.keySet());
        all.addAll(flagged.keySet());
        Map<String, Integer> starts = new HashMap<>();
        for (PhraseTable<?> table : tables) {
            for (String first : table.firstTokens()) {
                starts.merge(first, table.bit(), (a, b) -> a | b);
            }
        }
        all.addAll(starts.keySet());
        for (String w : all) {
            words.put(w, new Word(lexicon.term(w), starts.getOrDefault(w, 0), languages.getOrDefault(w, 0),
                    flagged.getOrDefault(w, 0)));
        }
    }

    /** What the lists know of {@code norm}; {@link Word#UNKNOWN} when nothing (any "...n't" is a negation). */
    @Override
    public Word apply(String norm) {
        Word w = words.get(norm);
        if (w != null) {
            return w;
        }
        return norm.endsWith("n't") ? negation : Word.UNKNOWN;
    }
}
