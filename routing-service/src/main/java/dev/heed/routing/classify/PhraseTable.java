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
        /**
         * Bit {@code hash & 63} set for the hash of every token in {@link #next}: a token whose bit is clear has no
         * child here, found without a map lookup (a token's hash is computed once, by the vocabulary).
         */
        long childHashes;

        Node<T> child(String token) {
            return (childHashes & (1L << token.hashCode())) == 0 ? null : next.get(token);
        }
    }

    private final Node<T> root;
    private final int bit;
    /** Every word that stands in a phrase after its first word. */
    private final java.util.Set<String> innerTokens;

    private PhraseTable(Node<T> root, int bit, java.util.Set<String> innerTokens) {
        this.root = root;
        this.bit = bit;
        this.innerTokens = java.util.Set.copyOf(innerTokens);
    }

    /** This table's bit in {@link Word#phraseStarts}, or 0 when the vocabulary does not record it. */
    int bit() {
        return bit;
    }

    /** The words a phrase of this table can start with. */
    java.util.Set<String> firstTokens() {
        return root.next == null ? java.util.Set.of() : java.util.Set.copyOf(root.next.keySet());
    }

    /** The words that stand in some phrase of this table after its first word (the vocabulary records them). */
    java.util.Set<String> innerTokens() {
        return innerTokens;
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
            node = k < tokens.size() ? next(node, tokens.get(k)) : null;
        }
        return best;
    }

    /** The node after {@code token}, or null. */
    private Node<T> next(Node<T> node, Token token) {
        Word word = token.word();
        if (bit != 0 && word != null && (word.phraseInner & bit) == 0) {
            // Most words that follow a phrase's first word stand in no phrase of this table past its first word:
            // the vocabulary's bit says so without a hash lookup in the node.
            return null;
        }
        return node.child(token.norm());
    }

    /** Collects phrases into the trie; the first phrase added for a token sequence wins. */
    static final class Builder<T> {
        private final Node<T> root = new Node<>();
        private final java.util.Set<String> inner = new java.util.HashSet<>();
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
            return new PhraseTable<>(root, bit, inner);
        }

        private void insert(String[] norms, Entry<T> entry) {
            Node<T> node = root;
            for (int k = 1; k < norms.length; k++) {
                inner.add(norms[k]);
            }
            for (String token : norms) {
                if (node.next == null) {
                    node.next = new HashMap<>(4);
                }
                node.childHashes |= 1L << token.hashCode();
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
