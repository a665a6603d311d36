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

    private final Word negation = new Word(Lexicon.Term.NEGATION, 0, 0, 0);
    /*
     * Every token is looked up here, so it is an open-addressed table rather than a HashMap: a slot holds the
     * high bits of the word's hash beside its index, so a miss (most tokens) or a probe past another word reads
     * one int array and follows no pointer; only a matching hash compares the strings. At most 40% full, so
     * probes are short.
     */
    private final int[] slots;
    private final int slotMask;
    /** The bits of a slot that hold the index plus one (0 is an empty slot); the others hold hash bits. */
    private final int indexMask;
    private final String[] keys;
    private final Word[] values;

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
        Map<String, Object[]> nodes = new HashMap<>();
        Map<String, Integer> inner = new HashMap<>();
        int slotCount = tables.stream().mapToInt(t -> PhraseTable.slot(t.bit()) + 1).max().orElse(0);
        for (PhraseTable<?> table : tables) {
            for (String first : table.firstTokens()) {
                starts.merge(first, table.bit(), (a, b) -> a | b);
                nodes.computeIfAbsent(first, w -> new Object[slotCount])[PhraseTable.slot(table.bit())] = table.startNode(first);
            }
            for (String word : table.innerTokens()) {
                inner.merge(word, table.bit(), (a, b) -> a | b);
            }
        }
        all.addAll(starts.keySet());
        // A word that only ever follows in a phrase must be found too, or its bit would read as clear.
        all.addAll(inner.keySet());
        this.keys = new String[all.size()];
        this.values = new Word[all.size()];
        this.indexMask = (Integer.highestOneBit(all.size() + 1) << 1) - 1;
        this.slots = new int[Integer.highestOneBit(all.size() * 5 / 2 + 16) << 1];
        this.slotMask = slots.length - 1;
        int index = 0;
        for (String w : all) {
            keys[index] = w;
            values[index] = new Word(lexicon.term(w), starts.getOrDefault(w, 0), nodes.get(w), inner.getOrDefault(w, 0),
                    languages.getOrDefault(w, 0), flagged.getOrDefault(w, 0));
            int hash = w.hashCode();
            int slot = spread(hash) & slotMask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = (hash & ~indexMask) | ++index;
        }
    }

    /** HashMap's spreading of the high bits into the low ones, which pick the slot. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** {@code norm.endsWith("n't")}, asked of every word no list knows, read without a region compare. */
    private static boolean negated(String norm) {
        int n = norm.length();
        return n >= 3 && norm.charAt(n - 1) == 't' && norm.charAt(n - 2) == '\'' && norm.charAt(n - 3) == 'n';
    }

    /** What the lists know of {@code norm}; {@link Word#UNKNOWN} when nothing (any "...n't" is a negation). */
    @Override
    public Word apply(String norm) {
        int hash = norm.hashCode();
        int tag = hash & ~indexMask;
        for (int slot = spread(hash) & slotMask; ; slot = (slot + 1) & slotMask) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if ((entry & ~indexMask) == tag) {
                int index = (entry & indexMask) - 1;
                if (keys[index].equals(norm)) {
                    return values[index];
                }
            }
        }
        return negated(norm) ? negation : Word.UNKNOWN;
    }
}
