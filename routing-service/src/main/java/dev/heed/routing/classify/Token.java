package dev.heed.routing.classify;

/**
 * One token of the input text.
 *
 * @param norm  lower-cased form with typographic apostrophes folded to {@code '} and letters drawn out three
 *              times or more folded back ("sooo" → "so", "goooood" → "good"); the symbol itself for
 *              punctuation, emoji and emoticons; the handle or address as written (lower-cased) for handles
 *              and links
 * @param start start offset in the input text
 * @param end   end offset (exclusive)
 * @param kind  what sort of token this is
 * @param flags {@link #ALL_CAPS}, {@link #ELONGATED}, {@link #HASHTAG}, {@link #TITLE_CASE}
 * @param word  what the classifier's lists know of the word, looked up once by the tokenizer; {@code null} from a
 *              tokenizer without a vocabulary (the rules then look the word up themselves)
 */
public record Token(String norm, int start, int end, Kind kind, int flags, Word word) {

    /**
     * Token kinds. Words and symbols carry sentiment, punctuation bounds clauses; handles ("@brand") and links
     * are kept as tokens so that no rule reads them as words ("@united" is not the word "united").
     */
    public enum Kind { WORD, NUMBER, SYMBOL, PUNCT, HANDLE, LINK }

    /** A word of two or more letters written entirely in capitals. */
    public static final int ALL_CAPS = 1;
    /** A word with a letter drawn out three times or more ("sooo", "pleeease"). */
    public static final int ELONGATED = 2;
    /** A word that is part of a hashtag ("#NeverAgain" gives "never" and "again", both flagged). */
    public static final int HASHTAG = 4;
    /** A word written with a capital first letter and the rest lower case ("United", "Fair"). */
    public static final int TITLE_CASE = 8;

    /** A token without flags, not looked up. */
    Token(String norm, int start, int end, Kind kind) {
        this(norm, start, end, kind, 0, null);
    }

    /** A token not looked up. */
    Token(String norm, int start, int end, Kind kind, int flags) {
        this(norm, start, end, kind, flags, null);
    }

    public boolean allCaps() {
        return (flags & ALL_CAPS) != 0;
    }

    public boolean elongated() {
        return (flags & ELONGATED) != 0;
    }

    public boolean hashtag() {
        return (flags & HASHTAG) != 0;
    }

    public boolean titleCase() {
        return (flags & TITLE_CASE) != 0;
    }

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
