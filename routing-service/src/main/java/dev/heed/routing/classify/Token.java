package dev.heed.routing.classify;

/**
 * One token of the input text.
 *
 * @param norm    lower-cased form with typographic apostrophes folded to {@code '}; the symbol itself for
 *                punctuation, emoji and emoticons
 * @param start   start offset in the input text
 * @param end     end offset (exclusive)
 * @param kind    what sort of token this is
 * @param allCaps a word of two or more letters written entirely in capitals
 */
public record Token(String norm, int start, int end, Kind kind, boolean allCaps) {

    /** Token kinds; only words and symbols carry sentiment, punctuation bounds clauses. */
    public enum Kind { WORD, NUMBER, SYMBOL, PUNCT }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isPunct() {
        return kind == Kind.PUNCT;
    }

    /** Sentence end: {@code . ! ?} (and a line break, which the tokenizer emits as {@code "\n"}). */
    boolean endsSentence() {
        return kind == Kind.PUNCT && (norm.equals(".") || norm.equals("!") || norm.equals("?") || norm.equals("\n"));
    }
}
