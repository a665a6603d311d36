package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-token phrases in a token trie: matching costs one hash lookup per token, plus one more per token of
 * a phrase that is actually under way. Longest match wins. Immutable once built.
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

    /** A trie node: the phrase ending here (if any) and the tokens that may follow. */
    private static final class Node<T> {
        Entry<T> entry;
        Map<String, Node<T>> next;

        Node<T> child(String token) {
            return next == null ? null : next.get(token);
        }
    }

    private final Node<T> root;
    private final int bit;

    private PhraseTable(Node<T> root, int bit) {
        this.root = root;
        this.bit = bit;
    }

    /** This table's bit in {@link Word#phraseStarts}, or 0 when the vocabulary does not record it. */
    int bit() {
        return bit;
    }

    /** The words a phrase of this table can start with. */
    java.util.Set<String> firstTokens() {
        return root.next == null ? java.util.Set.of() : java.util.Set.copyOf(root.next.keySet());
    }

    /** Where a table with {@code bit} keeps its node in {@link Word#phraseNodes}. */
    static int slot(int bit) {
        return Integer.numberOfTrailingZeros(bit);
    }

    /** The trie node after the first word {@code token}, or null: the vocabulary keeps it in its {@link Word}. */
    Object startNode(String token) {
        return root.child(token);
    }

    /** The longest phrase starting at token {@code i}, or {@code null}. */
    @SuppressWarnings("unchecked")
    Entry<T> longestAt(List<Token> tokens, int i) {
        Token first = tokens.get(i);
        Word word = first.word();
        Node<T> node;
        if (bit != 0 && word != null) {
            // The token's vocabulary entry says whether any phrase of this table starts with it (most do not), and
            // holds the node after it, so the first word is not looked up again.
            if ((word.phraseStarts & bit) == 0) {
                return null;
            }
            node = (Node<T>) word.phraseNodes[slot(bit)];
        } else {
            node = root.child(first.norm());
        }
        Entry<T> best = null;
        for (int k = i + 1; node != null; k++) {
            if (node.entry != null) {
                best = node.entry;
            }
            node = k < tokens.size() ? node.child(tokens.get(k).norm()) : null;
        }
        return best;
    }

    /** Collects phrases into the trie; the first phrase added for a token sequence wins. */
    static final class Builder<T> {
        private final Node<T> root = new Node<>();
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
                    insert(norms, new Entry<>(norms, String.join(" ", alternative), value));
                }
            }
            return this;
        }

        /** The table, recorded in the vocabulary under {@code bit} ({@link Vocabulary#LEXICON}, ...). */
        PhraseTable<T> build(int bit) {
            return new PhraseTable<>(root, bit);
        }

        private void insert(String[] norms, Entry<T> entry) {
            Node<T> node = root;
            for (String token : norms) {
                if (node.next == null) {
                    node.next = new HashMap<>(4);
                }
                node = node.next.computeIfAbsent(token, k -> new Node<>());
            }
            if (node.entry == null) {
                node.entry = entry;
            }
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
