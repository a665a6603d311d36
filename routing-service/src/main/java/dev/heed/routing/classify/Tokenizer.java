package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Splits text into words, numbers, emoji, emoticons, handles, links and clause punctuation in one pass over
 * the characters, without regular expressions, normalising what social and web text adds to the words:
 * <ul>
 *   <li>{@code @handles} and links ({@code http://}, {@code https://}, {@code www.}) become {@link Token.Kind#HANDLE}
 *       and {@link Token.Kind#LINK} tokens, so no rule reads "@united" as the word "united";</li>
 *   <li>HTML entities ({@code &amp;}, {@code &gt;}, {@code &quot;}, ...) are read as the character they stand for
 *       ({@code &lt;3} is the heart emoticon), never as words;</li>
 *   <li>a hashtag is split into its words at case changes and digits ("#NeverAgain" → "never", "again"),
 *       each flagged {@link Token#HASHTAG}: "#fail" says "fail";</li>
 *   <li>letters drawn out three times or more are folded back to the known word ("sooo" → "so",
 *       "goooood" → "good") and flagged {@link Token#ELONGATED};</li>
 *   <li>an emoticon is recognised only as a whole whitespace-delimited chunk (so "(see: this)" stays text),
 *       with repeated last characters folded (":)))" is ":)").</li>
 * </ul>
 * Words keep inner apostrophes ("doesn't") and split at hyphens and slashes. Offsets always point into the
 * text as written. Immutable and thread-safe.
 */
public final class Tokenizer {

    private static final int MAX_EMOTICON = 8;
    private static final int MAX_ENTITY = 8;
    /** Punctuation that bounds clauses, each a token of its own. */
    private static final String CLAUSE_MARKS = ".!?,;:";
    /**
     * Their norms, one string each: made per mark, every "," was a new string whose hash the vocabulary and the
     * rules computed again.
     */
    private static final String[] CLAUSE_MARK_NORMS = {".", "!", "?", ",", ";", ":"};
    private final Set<String> emoticons;
    private final Predicate<String> known;
    private final Function<String, Word> vocabulary;

    /** A tokenizer that folds drawn-out letters to two ("sooo" → "soo") when it knows no words. */
    public Tokenizer(Set<String> emoticons) {
        this(emoticons, w -> false, null);
    }

    /**
     * @param emoticons emoticons to recognise as symbols
     * @param known     words the folding of drawn-out letters may land on: "sooo" becomes "so" when "soo" is
     *                  not known and "so" is
     * @param vocabulary what the classifier's lists know of a word, attached to each token; {@code null} for none
     */
    Tokenizer(Set<String> emoticons, Predicate<String> known, Function<String, Word> vocabulary) {
        this.emoticons = Set.copyOf(emoticons);
        this.known = known;
        this.vocabulary = vocabulary;
    }

    private Token token(String norm, int start, int end, Token.Kind kind, int flags) {
        return new Token(norm, start, end, kind, flags, vocabulary == null ? null : vocabulary.apply(norm));
    }

    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int link = (c | 0x20) == 'h' || (c | 0x20) == 'w' ? linkEnd(text, i) : -1;
                i = link > 0 ? token(text, i, link, Token.Kind.LINK, out) : word(text, i, n, 0, out);
            } else if (c == '\n') {
                out.add(token("\n", i, i + 1, Token.Kind.PUNCT, 0));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '@' && chunkStart(text, i) && i + 1 < n && handleChar(text.charAt(i + 1))) {
                i = token(text, i, handleEnd(text, i + 1), Token.Kind.HANDLE, out);
            } else if (c == '#' && chunkStart(text, i) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i = hashtag(text, i + 1, out);
            } else if (c == '&') {
                i = entity(text, i, out);
            } else {
                i = symbol(text, i, out);
            }
        }
        return out;
    }

    /** Scans a word from {@code from} up to {@code limit}; returns where it ended. */
    private int word(String text, int from, int limit, int flags, List<Token> out) {
        int i = from;
        int letters = 0;
        int upper = 0;
        boolean digitsOnly = true;
        boolean elongated = false;
        boolean ascii = true;
        int run = 0;
        char previous = 0;
        while (i < limit) {
            char c = text.charAt(i);
            ascii &= c < 0x80;
            int kind = charKind(c);
            if (kind != OTHER) {
                if (kind != DIGIT) {
                    letters++;
                    digitsOnly = false;
                    upper += kind == UPPER ? 1 : 0;
                    run = (c | 0x20) == (previous | 0x20) ? run + 1 : 1;
                    elongated |= run >= 3;
                }
                previous = c;
                i++;
            } else if (isApostrophe(c) && i + 1 < limit && Character.isLetter(text.charAt(i + 1)) && i > from) {
                previous = c;
                i++;
            } else {
                break;
            }
        }
        // Most words are written in lower-case ASCII already: then the norm is the text itself, one copy.
        String norm = ascii && upper == 0 ? text.substring(from, i) : normalise(text, from, i);
        Token.Kind kind = digitsOnly ? Token.Kind.NUMBER : Token.Kind.WORD;
        if (elongated) {
            norm = unelongate(norm);
            flags |= Token.ELONGATED;
        }
        if (letters >= 2 && upper == letters && (flags & Token.HASHTAG) == 0) {
            flags |= Token.ALL_CAPS;
        } else if (letters >= 2 && upper == 1 && Character.isUpperCase(text.charAt(from)) && (flags & Token.HASHTAG) == 0) {
            flags |= Token.TITLE_CASE;
        }
        out.add(token(norm, from, i, kind, flags));
        return i;
    }

    /** "sooo" → "soo" when known, else "so" when known, else "soo". */
    private String unelongate(String norm) {
        String two = collapse(norm, 2);
        if (known.test(two)) {
            return two;
        }
        String one = collapse(norm, 1);
        return known.test(one) ? one : two;
    }

    /** Folds every run of a repeated letter longer than {@code keep} down to {@code keep}. */
    static String collapse(String s, int keep) {
        StringBuilder b = new StringBuilder(s.length());
        int run = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            run = k > 0 && c == s.charAt(k - 1) && Character.isLetter(c) ? run + 1 : 1;
            if (run <= keep) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int token(String text, int from, int to, Token.Kind kind, List<Token> out) {
        out.add(new Token(text.substring(from, to).toLowerCase(Locale.ROOT), from, to, kind, 0, Word.UNKNOWN));
        return to;
    }

    /** The hashtag's body from {@code from} (after '#'): one word token per part, split at case changes. */
    private int hashtag(String text, int from, List<Token> out) {
        int end = handleEnd(text, from);
        int part = from;
        for (int k = from + 1; k <= end; k++) {
            if (k == end || splitsHashtag(text, k)) {
                int stop = k;
                while (part < stop && text.charAt(part) == '_') {
                    part++;
                }
                if (part < stop) {
                    word(text, part, stop, Token.HASHTAG, out);
                }
                part = k;
            }
        }
        return end;
    }

    /** A hashtag part starts at {@code k}: "neverAgain", "ABCTest" (before "Test"), "win2day", "no_way". */
    private static boolean splitsHashtag(String text, int k) {
        char prev = text.charAt(k - 1);
        char c = text.charAt(k);
        if (c == '_' || prev == '_') {
            return true;
        }
        if (Character.isDigit(c) != Character.isDigit(prev)) {
            return true;
        }
        if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
            return true;
        }
        return Character.isUpperCase(prev) && Character.isUpperCase(c) && k + 1 < text.length()
                && Character.isLowerCase(text.charAt(k + 1));
    }

    /** An HTML entity read as its character: "&lt;3" is the heart emoticon, the others are not words. */
    private int entity(String text, int from, List<Token> out) {
        int k = from + 1;
        while (k < text.length() && k - from <= MAX_ENTITY && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '#')) {
            k++;
        }
        if (k == from + 1 || k >= text.length() || text.charAt(k) != ';') {
            return symbol(text, from, out);
        }
        String name = text.substring(from + 1, k).toLowerCase(Locale.ROOT);
        int end = k + 1;
        if (name.equals("lt") && end < text.length() && text.charAt(end) == '3') {
            out.add(token("<3", from, end + 1, Token.Kind.SYMBOL, 0));
            return end + 1;
        }
        return end;
    }

    private int symbol(String text, int from, List<Token> out) {
        int emoticonEnd = emoticonEnd(text, from);
        if (emoticonEnd > 0) {
            String chunk = text.substring(from, emoticonEnd);
            String norm = emoticonNorm(chunk);
            // ":)))" is ":)" drawn out: emphasis, like "sooo".
            int flags = norm.length() < chunk.length() ? Token.ELONGATED : 0;
            out.add(token(norm, from, emoticonEnd, Token.Kind.SYMBOL, flags));
            return emoticonEnd;
        }
        char c = text.charAt(from);
        int mark = CLAUSE_MARKS.indexOf(c);
        if (mark >= 0) {
            out.add(token(CLAUSE_MARK_NORMS[mark], from, from + 1, Token.Kind.PUNCT, 0));
            return from + 1;
        }
        int cp = text.codePointAt(from);
        int next = from + Character.charCount(cp);
        if (isEmoji(cp)) {
            out.add(token(new String(Character.toChars(cp)), from, next, Token.Kind.SYMBOL, 0));
        }
        return next;
    }

    /** End of an emoticon that fills a whole whitespace-delimited chunk starting at {@code from}, or -1. */
    private int emoticonEnd(String text, int from) {
        if (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            return -1;
        }
        int end = from;
        while (end < text.length() && end - from < MAX_EMOTICON && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            return -1;
        }
        // Allow a trailing sentence mark after the emoticon ":( ." is rare, ":(!" is not.
        for (int e = end; e > from + 1; e--) {
            if (emoticonNorm(text.substring(from, e)) != null) {
                return e;
            }
            if (".,!?".indexOf(text.charAt(e - 1)) < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The listed emoticon a chunk stands for (as written, lower-cased, or with its last character folded), or null. */
    private String emoticonNorm(String chunk) {
        if (emoticons.contains(chunk)) {
            return chunk;
        }
        String lower = chunk.toLowerCase(Locale.ROOT);
        if (emoticons.contains(lower)) {
            return lower;
        }
        int k = chunk.length() - 1;
        while (k > 1 && chunk.charAt(k - 1) == chunk.charAt(k)) {
            k--;
        }
        String folded = chunk.substring(0, k + 1);
        return k < chunk.length() - 1 && emoticons.contains(folded) ? folded : null;
    }

    /** Links are recognised where a chunk starts with {@code http://}, {@code https://} or {@code www.}. */
    private static int linkEnd(String text, int from) {
        // Most words starting with h or w are not links: two characters tell before any region compare.
        if (from + 4 >= text.length() || !chunkStart(text, from)) {
            return -1;
        }
        char second = (char) (text.charAt(from + 1) | 0x20);
        if (second != 't' && !(second == 'w' && (text.charAt(from + 2) | 0x20) == 'w')) {
            return -1;
        }
        if (!(text.regionMatches(true, from, "http://", 0, 7) || text.regionMatches(true, from, "https://", 0, 8)
                || text.regionMatches(true, from, "www.", 0, 4))) {
            return -1;
        }
        int end = from;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        // A sentence mark right after a link belongs to the sentence.
        while (end > from && ".,!?;:)".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean chunkStart(String text, int i) {
        return i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_');
    }

    private static boolean handleChar(char c) {
        return c < 0x80 ? Character.isLetterOrDigit(c) || c == '_' : Character.isLetterOrDigit(c);
    }

    private static int handleEnd(String text, int from) {
        int end = from;
        while (end < text.length() && handleChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static final int OTHER = 0;
    private static final int DIGIT = 1;
    private static final int LOWER = 2;
    private static final int UPPER = 3;

    /** ASCII answered by comparisons; the Character tables only for the rest. */
    private static int charKind(char c) {
        if (c < 0x80) {
            if (c >= 'a' && c <= 'z') {
                return LOWER;
            }
            if (c >= 'A' && c <= 'Z') {
                return UPPER;
            }
            return c >= '0' && c <= '9' ? DIGIT : OTHER;
        }
        if (Character.isLetter(c)) {
            return Character.isUpperCase(c) ? UPPER : LOWER;
        }
        return Character.isDigit(c) ? DIGIT : OTHER;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2300 && cp <= 0x23FF);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** Lower-cases in one copy; ASCII directly, anything else through {@link Character#toLowerCase(char)}. */
    private static String normalise(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                out[k - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                out[k - from] = c == '\u2019' ? '\'' : Character.toLowerCase(c);
            }
        }
        return new String(out);
    }
}
