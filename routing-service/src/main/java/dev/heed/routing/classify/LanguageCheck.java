package dev.heed.routing.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple, honest check of whether the rules can read a text, not a language identifier.
 * <ol>
 *   <li>Blank text: language {@code "und"}, rule {@code "empty"}, triage.</li>
 *   <li>Mostly non-Latin letters (Cyrillic, Arabic, CJK, ...): {@code "und"} with the script named, triage.</li>
 *   <li>No words at all: {@code "und"}; triage unless there is an emoji, emoticon or number ("10/10"),
 *       which the scorer can read.</li>
 *   <li>Function words of another language ({@code languages.tsv}: es, fr, de, it, pt, nl) outnumber the
 *       English ones and number at least two: that language, triage.</li>
 *   <li>One or two words, none known: {@code "und"}, not triaged (too short to tell, nothing to score).</li>
 *   <li>Fewer than a fifth of the words (or none) known as English function or common words or lexicon
 *       words: {@code "und"}, triage. Words in title case or capitals and hashtag words are names, acronyms and
 *       tags, which say nothing about the language: they are not counted.</li>
 * </ol>
 * Only the first 60 words (and, for the script, 600 characters) are read.
 * Limits: a one- or two-word text in another language that happens to use English-looking words passes as
 * English; code-switched text is judged by its majority; a long English text of product names and typos
 * can be sent to triage; languages outside the list are reported as {@code "und"}.
 */
final class LanguageCheck {

    static final String UNDETERMINED = "und";
    private static final double MIN_ENGLISH_SHARE = 0.2;
    /** The language is judged from the start of the text: enough to tell, and long texts stay cheap. */
    private static final int MAX_WORDS = 60;
    private static final int MAX_CHARS = 600;

    /** The verdict: detected language, whether a human must read it, and the evidence. */
    record Result(String language, boolean triage, Finding evidence) {
    }

    private final List<String> languages;
    /** Function word → bit set of the languages (indexes into {@code languages}) it belongs to. */
    private final Map<String, Integer> languagesOf = new HashMap<>();
    private final int englishBit;
    private final Lexicon lexicon;

    LanguageCheck(Map<String, Set<String>> functionWords, Lexicon lexicon) {
        this.languages = List.copyOf(new java.util.TreeSet<>(functionWords.keySet()));
        this.englishBit = 1 << languages.indexOf("en");
        Set<String> english = functionWords.get("en");
        for (int l = 0; l < languages.size(); l++) {
            int bit = 1 << l;
            for (String w : functionWords.get(languages.get(l))) {
                // A word that is also English ("is", "plus", "me") is no evidence of another language.
                if (bit == englishBit || !(english.contains(w) || lexicon.knows(w))) {
                    languagesOf.merge(w, bit, (a, b) -> a | b);
                }
            }
        }
        this.lexicon = lexicon;
    }

    /** Function word → the bits of the languages it belongs to. */
    Map<String, Integer> functionWords() {
        return java.util.Collections.unmodifiableMap(languagesOf);
    }

    static LanguageCheck load(Lexicon lexicon) {
        Map<String, Set<String>> words = new HashMap<>();
        for (String[] row : WordLists.rows("languages.tsv")) {
            words.put(row[0], Set.copyOf(new HashSet<>(List.of(row[1].trim().split("\\s+")))));
        }
        return new LanguageCheck(words, lexicon);
    }

    Result check(String text, List<Token> tokens) {
        if (text.isBlank()) {
            return new Result(UNDETERMINED, true, Finding.untied("empty", "triage", "", 1));
        }
        Character.UnicodeScript script = dominantScript(text);
        if (script != null && script != Character.UnicodeScript.LATIN) {
            return triage(UNDETERMINED, "script " + script);
        }
        int words = 0;
        boolean scorable = false;
        for (Token t : tokens) {
            words += t.isWord() ? 1 : 0;
            scorable |= t.kind() == Token.Kind.SYMBOL || t.kind() == Token.Kind.NUMBER;
        }
        if (words == 0) {
            return scorable
                    ? new Result(UNDETERMINED, false, Finding.untied("language", "triage", "no words: emoji or numbers", 0))
                    : triage(UNDETERMINED, "no words");
        }
        return byWords(tokens, Math.min(words, MAX_WORDS));
    }

    private Result byWords(List<Token> tokens, int words) {
        int englishFunction = 0;
        int englishKnown = 0;
        int plain = 0;
        int[] hits = new int[languages.size()];
        int seen = 0;
        for (Token t : tokens) {
            if (!t.isWord()) {
                continue;
            }
            if (++seen > MAX_WORDS) {
                break;
            }
            int bits = languageBits(t);
            boolean function = (bits & englishBit) != 0;
            englishFunction += function ? 1 : 0;
            // Names, acronyms and hashtags say nothing about the language: "Pelosi Challenger Brings 'Industrial
            // Midwest' Perspective" is English made of names.
            if (function || !(t.titleCase() || t.allCaps() || t.hashtag())) {
                plain++;
                englishKnown += function || lexicon.term(t) != null ? 1 : 0;
            }
            // Only the set bits: most words are no function word of any language.
            for (int rest = bits; rest != 0; rest &= rest - 1) {
                hits[Integer.numberOfTrailingZeros(rest)]++;
            }
        }
        int other = mostHitOtherLanguage(hits);
        if (other >= 0 && hits[other] >= 2 && hits[other] > englishFunction) {
            String lang = languages.get(other);
            return triage(lang, lang + ": " + hits[other] + " function words of " + words + " words");
        }
        double share = plain == 0 ? 0 : (double) englishKnown / plain;
        if (englishKnown == 0 && plain <= 2) {
            // "Music", "Barry", a row of names and hashtags: too little to tell, and nothing to score either;
            // a human need not read it.
            return new Result(UNDETERMINED, false, Finding.untied("language", "triage", "too short to tell", 0));
        }
        if (englishKnown == 0 || (plain >= 4 && share < MIN_ENGLISH_SHARE)) {
            return triage(UNDETERMINED, "only " + englishKnown + " of " + plain + " words known English");
        }
        return new Result("en", false, Finding.untied("language", "triage", "en", share));
    }

    /** The bits of the languages whose function words include the token's word; 0 for none. */
    private int languageBits(Token t) {
        if (t.word() != null) {
            return t.word().languages;
        }
        Integer bits = languagesOf.get(t.norm());
        return bits == null ? 0 : bits;
    }

    private int mostHitOtherLanguage(int[] hits) {
        int best = -1;
        for (int l = 0; l < hits.length; l++) {
            if ((1 << l) != englishBit && hits[l] > 0 && (best < 0 || hits[l] > hits[best])) {
                best = l;
            }
        }
        return best;
    }

    private static Result triage(String language, String why) {
        return new Result(language, true, Finding.untied("language", "triage", why, 1));
    }

    /** The script of most letters, or {@code null} when there are no letters. */
    private static Character.UnicodeScript dominantScript(String text) {
        int latin = 0;
        int other = 0;
        Character.UnicodeScript otherScript = null;
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // Most characters: no code point to assemble, no table to ask.
                latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : 0;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
                otherScript = s;
            }
        }
        if (latin == 0 && other == 0) {
            return null;
        }
        return latin >= other ? Character.UnicodeScript.LATIN : otherScript;
    }
}
