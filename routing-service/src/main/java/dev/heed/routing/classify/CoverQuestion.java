package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * "Does the warranty cover accidental damage or only faults?", "Is a cracked screen covered?": the harm a
 * question about cover names is its topic, not an event (2.7). Such a sentence ends in "?", opens with an
 * auxiliary and holds a word of covering; its words carry no negative valence and state no problem. A question
 * that opens otherwise ("Why doesn't my policy cover the damage?") is not one. Plain Java, stateless.
 */
final class CoverQuestion {

    /** A question that opens with an auxiliary. */
    private static final Set<String> ASKING = Lookups.setOf("does", "do", "is", "are", "will", "would", "can",
            "could", "am", "should", "did");
    /** What a cover, a warranty or a price is asked about. */
    private static final Set<String> COVERING = Lookups.setOf("cover", "covers", "covered", "include", "includes",
            "included", "protect", "protects", "protected", "insure", "insured");

    private CoverQuestion() {
    }

    /** The first token of the question about cover that the "?" at token {@code end} closes, or -1. */
    static int from(List<Token> tokens, int end) {
        int first = end;
        while (first > 0 && !tokens.get(first - 1).endsSentence()) {
            first--;
        }
        while (first < end && !tokens.get(first).isWord()) {
            first++;
        }
        if (first >= end || !ASKING.contains(tokens.get(first).norm())) {
            return -1;
        }
        for (int k = first + 1; k < end; k++) {
            if (COVERING.contains(tokens.get(k).norm())) {
                return first;
            }
        }
        return -1;
    }

    /** Per token, whether it lies in a question about cover; null when there is none. */
    static boolean[] mark(List<Token> tokens) {
        boolean[] in = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).norm().equals("?")) {
                continue;
            }
            int first = from(tokens, i);
            if (first >= 0) {
                if (in == null) {
                    in = new boolean[tokens.size()];
                }
                for (int k = first; k <= i; k++) {
                    in[k] = true;
                }
            }
        }
        return in;
    }
}
