package dev.heed.routing.classify;

/**
 * Everything the classifier's rules know about one word, found with one hash lookup per token when the
 * tokenizer makes it ({@link Vocabulary}), so that the dozen rules reading a token do not each look it up
 * again. Immutable.
 */
final class Word {

    static final int CALENDAR = 1;
    static final int FIRST_PERSON = 2;
    static final int SECOND_PERSON = 4;
    static final int AMOUNT = 8;
    /** {@link Irony#THANKS}. */
    static final int THANKS = 16;
    /** {@link Mismatch#ASKED}. */
    static final int ASKED = 32;
    /** {@link Mismatch#ASKED_FOR}. */
    static final int ASKED_FOR = 64;
    /** {@link Irony#REMEDIED}. */
    static final int REMEDIED = 128;
    /** A word no list knows: no valence, no phrase starts with it, no flags. */
    static final Word UNKNOWN = new Word(null, 0, 0, 0);

    /** What the sentiment lexicon says of it, or {@code null}. */
    final Lexicon.Term term;
    /** Bit {@code b} set: the phrase table with bit {@code b} has a phrase that starts with this word. */
    final int phraseStarts;
    /**
     * Per phrase table (at {@link PhraseTable#slot}), the table's trie node after this word, so a phrase match
     * need not look the first word up again; null when no phrase starts with it. Only {@link PhraseTable} reads it.
     */
    final Object[] phraseNodes;
    /**
     * Bit {@code b} set: the phrase table with bit {@code b} has a phrase with this word after its first word;
     * clear, no phrase of that table goes on with it, and {@link PhraseTable} need not look it up in a trie node.
     */
    final int phraseInner;
    /** The languages whose function words include it ({@link LanguageCheck}'s bits). */
    final int languages;
    /** {@link #CALENDAR}, {@link #FIRST_PERSON}, {@link #SECOND_PERSON}, {@link #AMOUNT}. */
    final int flags;

    Word(Lexicon.Term term, int phraseStarts, int languages, int flags) {
        this(term, phraseStarts, null, 0, languages, flags);
    }

    Word(Lexicon.Term term, int phraseStarts, Object[] phraseNodes, int phraseInner, int languages, int flags) {
        this.term = term;
        this.phraseStarts = phraseStarts;
        this.phraseNodes = phraseNodes;
        this.phraseInner = phraseInner;
        this.languages = languages;
        this.flags = flags;
    }

    boolean is(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * Whether the token's word carries {@code flag}, read from its vocabulary entry; a token not looked up (from
     * a tokenizer without a vocabulary) is looked up in {@code words}, the list the flag was made from.
     */
    static boolean in(Token token, int flag, java.util.Set<String> words) {
        Word w = token.word();
        return w != null ? (w.flags & flag) != 0 : words.contains(token.norm());
    }
}
