package dev.heed.routing.classify;

import java.util.Arrays;
import java.util.List;

/**
 * The sparse half of what the trained model reads: words, word pairs and character n-grams of a token list,
 * each hashed into one of {@code 2^bits} buckets (the hashing trick: no vocabulary to ship, unseen words
 * still share character n-grams with seen ones). Every feature remembers the token it came from, so the
 * model's contributions become evidence spans.
 *
 * <ul>
 *   <li>a word, emoji or emoticon (a word governed by a negation up to three words before it, in its clause,
 *       is a different feature: "not good" is not "good"); hashtag words also as {@code #word};</li>
 *   <li>each pair of neighbouring tokens (punctuation included: "refund ?" differs from "refund .");</li>
 *   <li>the character 4-grams of each word with its boundaries ({@code <cancelled>} gives {@code <can},
 *       {@code canc}, ... {@code led>}), which carry over to inflections and misspellings;</li>
 *   <li>one feature each for a handle, a link, a number, a word in capitals, a drawn-out word, "!" and "?";</li>
 *   <li>one feature for every calendar word ("today", "tomorrow", "Friday", "June"): dates carry no sentiment
 *       of their own, and tweets about coming events would otherwise teach that "tomorrow" is good news.</li>
 * </ul>
 * Stateless apart from the negation words; safe to share between threads.
 */
public final class HashedFeatures {

    private static final int SEED_WORD = 0x51ed27;
    private static final int SEED_NEGATED = 0x2bd1a3;
    private static final int SEED_TAG = 0x6a09e6;
    private static final int SEED_PAIR = 0x3c6ef3;
    private static final int SEED_CHARS = 0x1f83d9;
    private static final int HANDLE = 0x5be0cd19;
    private static final int LINK = 0x6b8b4567;
    private static final int NUMBER = 0x327b23c6;
    private static final int CAPS = 0x643c9869;
    private static final int ELONGATED = 0x66334873;
    private static final int CALENDAR = 0x74b0dc51;
    static final java.util.Set<String> CALENDAR_WORDS = Lookups.setOf("today", "tomorrow", "tonight", "yesterday",
            "tmrw", "tmr", "tmw", "morning", "afternoon", "evening", "night", "weekend", "week", "month", "year",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
            "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final int SCOPE = 3;
    /** Character n-grams of this length: 3 to 5 measured no better on held-out text, and cost twice as much. */
    static final int GRAM = 4;
    private static final int GRAM_PRIME = 31;
    private static final int GRAM_PRIME_POW = GRAM_PRIME * GRAM_PRIME * GRAM_PRIME;

    /** Bucket indexes and the token each came from; filled by {@link #extract}, reusable. */
    public static final class Buffer {
        int[] buckets;
        int[] tokens;
        int size;

        public Buffer() {
            this(256);
        }

        /** A buffer for about {@code capacity} features; it grows when a text has more. */
        public Buffer(int capacity) {
            // At least one slot: growing doubles the length.
            buckets = new int[Math.max(16, capacity)];
            tokens = new int[buckets.length];
        }

        /** Empties the buffer for the next text, keeping its arrays. */
        Buffer clear() {
            size = 0;
            return this;
        }

        void add(int bucket, int token) {
            if (size == buckets.length) {
                buckets = Arrays.copyOf(buckets, size * 2);
                tokens = Arrays.copyOf(tokens, size * 2);
            }
            buckets[size] = bucket;
            tokens[size++] = token;
        }

        public int size() {
            return size;
        }

        public int bucket(int i) {
            return buckets[i];
        }

        public int token(int i) {
            return tokens[i];
        }

        /** A copy of the bucket indexes. */
        public int[] bucketArray() {
            return Arrays.copyOf(buckets, size);
        }
    }

    private final int mask;
    private final Lexicon lexicon;

    HashedFeatures(int bits, Lexicon lexicon) {
        if (bits < 8 || bits > 26) {
            throw new IllegalArgumentException("bits must be 8..26, was " + bits);
        }
        this.mask = (1 << bits) - 1;
        this.lexicon = lexicon;
    }

    /** Appends the features of {@code tokens} to {@code into}. */
    public void extract(List<Token> tokens, Buffer into) {
        int negatedFor = 0;
        int previous = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int h = t.norm().hashCode();
            switch (t.kind()) {
                case PUNCT -> {
                    negatedFor = 0;
                    if (t.norm().equals("!") || t.norm().equals("?")) {
                        into.add(bucket(h, SEED_WORD), i);
                    }
                }
                case HANDLE, LINK, NUMBER -> {
                    // Which handle, link or number it is says nothing general; that there is one may.
                    h = t.kind() == Token.Kind.HANDLE ? HANDLE : t.kind() == Token.Kind.LINK ? LINK : NUMBER;
                    into.add(bucket(h, SEED_WORD), i);
                }
                case WORD -> {
                    if (t.word() != null ? t.word().is(Word.CALENDAR) : CALENDAR_WORDS.contains(t.norm())) {
                        h = CALENDAR;
                        into.add(bucket(h, SEED_WORD), i);
                        negatedFor = Math.max(0, negatedFor - 1);
                    } else {
                        word(t, h, i, negatedFor, into);
                        negatedFor = lexicon.isNegation(t) ? SCOPE : Math.max(0, negatedFor - 1);
                    }
                }
                default -> {
                    into.add(bucket(h, SEED_WORD), i);
                    negatedFor = Math.max(0, negatedFor - 1);
                }
            }
            if (i > 0) {
                into.add(bucket(previous * 31 + h, SEED_PAIR), i);
            }
            previous = h;
        }
    }

    /** A word: itself (or its negated form), its shape, its character n-grams. */
    private void word(Token t, int h, int i, int negatedFor, Buffer into) {
        boolean negation = lexicon.isNegation(t);
        into.add(bucket(h, negatedFor > 0 && !negation ? SEED_NEGATED : SEED_WORD), i);
        wordShape(t, h, i, into);
    }

    private void wordShape(Token t, int h, int i, Buffer into) {
        if (t.hashtag()) {
            into.add(bucket(h, SEED_TAG), i);
        }
        if (t.allCaps()) {
            into.add(bucket(CAPS, SEED_WORD), i);
        }
        if (t.elongated()) {
            into.add(bucket(ELONGATED, SEED_WORD), i);
        }
        characterGrams(t.norm(), i, into);
    }

    /**
     * The 4-grams of {@code <word>} (a word of two letters gives one gram, {@code <ab>}), hashed with a rolling
     * polynomial so no substring is made and each character is read once. The boundary marks are handled
     * outside the loop (the first gram, the step that drops {@code <}, the step that adds {@code >}), so the
     * loop itself reads characters without asking where it is. The hashes are those of the plain rolling hash over
     * {@code '<' + word + '>'}, which the shipped model was trained on: changing them would invalidate it.
     */
    private void characterGrams(String word, int token, Buffer into) {
        int len = word.length();
        if (len < GRAM - 2) {
            return;
        }
        // <abc, or <ab> for a word of two letters.
        int h = '<';
        for (int k = 1; k < GRAM; k++) {
            h = h * GRAM_PRIME + (k > len ? '>' : word.charAt(k - 1));
        }
        into.add(bucket(h, SEED_CHARS), token);
        if (len == GRAM - 2) {
            return;
        }
        // abcd: drops '<', adds the fourth character (or '>' for a word of three letters).
        h = (h - '<' * GRAM_PRIME_POW) * GRAM_PRIME + (len == GRAM - 1 ? '>' : word.charAt(GRAM - 1));
        into.add(bucket(h, SEED_CHARS), token);
        // The grams inside the word, each dropping one character and adding the next.
        for (int end = GRAM + 1; end <= len; end++) {
            h = (h - word.charAt(end - GRAM - 1) * GRAM_PRIME_POW) * GRAM_PRIME + word.charAt(end - 1);
            into.add(bucket(h, SEED_CHARS), token);
        }
        // bcd>, unless the step above already added '>'.
        if (len >= GRAM) {
            h = (h - word.charAt(len - GRAM) * GRAM_PRIME_POW) * GRAM_PRIME + '>';
            into.add(bucket(h, SEED_CHARS), token);
        }
    }

    private int bucket(int h, int seed) {
        return mix(h ^ seed * 0x9e3779b9) & mask;
    }

    /** Murmur3's finaliser: every input bit moves every output bit. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
