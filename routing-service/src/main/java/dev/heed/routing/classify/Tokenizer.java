package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into words, numbers, emoji, emoticons and clause punctuation in one pass over the characters,
 * without regular expressions. Words keep inner apostrophes ("doesn't") and split at hyphens and slashes.
 * An emoticon is recognised only as a whole whitespace-delimited chunk (so "(see: this)" stays text).
 * Immutable and thread-safe.
 */
public final class Tokenizer {

    private static final int MAX_EMOTICON = 6;
    private final Set<String> emoticons;

    public Tokenizer(Set<String> emoticons) {
        this.emoticons = Set.copyOf(emoticons);
    }

    public List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i = word(text, i, out);
            } else if (c == '\n') {
                out.add(new Token("\n", i, i + 1, Token.Kind.PUNCT, false));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                i = symbol(text, i, out);
            }
        }
        return out;
    }

    private static int word(String text, int from, List<Token> out) {
        int n = text.length();
        int i = from;
        int letters = 0;
        int upper = 0;
        boolean digitsOnly = true;
        while (i < n) {
            char c = text.charAt(i);
            int kind = charKind(c);
            if (kind != OTHER) {
                if (kind != DIGIT) {
                    letters++;
                    digitsOnly = false;
                    upper += kind == UPPER ? 1 : 0;
                }
                i++;
            } else if (isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && i > from) {
                i++;
            } else {
                break;
            }
        }
        String norm = normalise(text, from, i);
        Token.Kind kind = digitsOnly ? Token.Kind.NUMBER : Token.Kind.WORD;
        out.add(new Token(norm, from, i, kind, letters >= 2 && upper == letters));
        return i;
    }

    private int symbol(String text, int from, List<Token> out) {
        int emoticonEnd = emoticonEnd(text, from);
        if (emoticonEnd > 0) {
            out.add(new Token(text.substring(from, emoticonEnd), from, emoticonEnd, Token.Kind.SYMBOL, false));
            return emoticonEnd;
        }
        char c = text.charAt(from);
        if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') {
            out.add(new Token(String.valueOf(c), from, from + 1, Token.Kind.PUNCT, false));
            return from + 1;
        }
        int cp = text.codePointAt(from);
        int next = from + Character.charCount(cp);
        if (isEmoji(cp)) {
            out.add(new Token(new String(Character.toChars(cp)), from, next, Token.Kind.SYMBOL, false));
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
            String chunk = text.substring(from, e);
            if (emoticons.contains(chunk) || emoticons.contains(chunk.toLowerCase(Locale.ROOT))) {
                return e;
            }
            if (".,!?".indexOf(text.charAt(e - 1)) < 0) {
                return -1;
            }
        }
        return -1;
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
