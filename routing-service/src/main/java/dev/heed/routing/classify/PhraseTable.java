package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-token phrases indexed by their first token, so matching costs one hash lookup per token plus a
 * short comparison for the few phrases that start there. Longest match wins. Immutable once built.
 *
 * @param <T> what a phrase maps to
 */
final class PhraseTable<T> {

    /** A phrase as token norms plus its payload. */
    record Entry<T>(String[] tokens, String term, T value) {
        int length() {
            return tokens.length;
        }
    }

    private final Map<String, List<Entry<T>>> byFirst;

    private PhraseTable(Map<String, List<Entry<T>>> byFirst) {
        this.byFirst = byFirst;
    }

    /** The longest phrase starting at token {@code i}, or {@code null}. */
    Entry<T> longestAt(List<Token> tokens, int i) {
        List<Entry<T>> candidates = byFirst.get(tokens.get(i).norm());
        if (candidates == null) {
            return null;
        }
        for (Entry<T> e : candidates) {
            if (matches(e.tokens(), tokens, i)) {
                return e;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return byFirst.isEmpty();
    }

    private static boolean matches(String[] phrase, List<Token> tokens, int i) {
        if (i + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(tokens.get(i + k).norm())) {
                return false;
            }
        }
        return true;
    }

    /** Collects phrases; {@link #build()} sorts each bucket longest first. */
    static final class Builder<T> {
        private final Map<String, List<Entry<T>>> byFirst = new HashMap<>();
        private final Tokenizer tokenizer;

        Builder(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        /**
         * Adds a phrase. A token written {@code a|b|c} stands for any of its alternatives, so one line can
         * list inflections: {@code "cancel|cancelling my subscription|account"}.
         */
        Builder<T> add(String term, T value) {
            List<String[]> expanded = new ArrayList<>();
            expand(term.trim().split("\\s+"), 0, new String[0], expanded);
            for (String[] alternative : expanded) {
                String[] norms = normalise(String.join(" ", alternative));
                if (norms.length > 0) {
                    byFirst.computeIfAbsent(norms[0], k -> new ArrayList<>())
                            .add(new Entry<>(norms, String.join(" ", alternative), value));
                }
            }
            return this;
        }

        PhraseTable<T> build() {
            // A HashMap (never mutated after build): most tokens start no phrase, and HashMap misses are cheap.
            Map<String, List<Entry<T>>> sorted = new HashMap<>();
            byFirst.forEach((k, v) -> {
                List<Entry<T>> copy = new ArrayList<>(v);
                copy.sort(Comparator.comparingInt((Entry<T> e) -> e.length()).reversed());
                sorted.put(k, List.copyOf(copy));
            });
            return new PhraseTable<>(sorted);
        }

        private String[] normalise(String phrase) {
            return tokenizer.tokenize(phrase).stream().map(Token::norm).toArray(String[]::new);
        }

        private static void expand(String[] parts, int at, String[] prefix, List<String[]> out) {
            if (at == parts.length) {
                out.add(prefix);
                return;
            }
            for (String alt : parts[at].split("\\|")) {
                String[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                next[prefix.length] = alt;
                expand(parts, at + 1, next, out);
            }
        }
    }
}
