package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intents from phrase patterns ({@code intents.tsv}) plus three structural rules: a question mark is a
 * {@link IntentLabel#QUESTION}; "third time", "3rd time" or "n times" after a contact verb ("called 4 times") is
 * {@link IntentLabel#REPEAT_CONTACT}; {@link IntentLabel#PRAISE} keywords count only when the sentiment is positive
 * (so "thanks for nothing" is not praise).
 */
final class IntentDetector {

    private static final Set<String> ORDINALS = Lookups.setOf("second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "umpteenth", "nth");
    private static final Set<String> CONTACT_VERBS = Lookups.setOf("called", "emailed", "contacted", "written",
            "wrote", "phoned", "rang", "complained", "asked", "chased", "messaged", "reported", "tried", "call",
            "email", "contact", "write", "phone", "ring", "complain", "ask", "chase", "message");
    private static final Map<String, Integer> NUMBER_WORDS = Lookups.mapOf(Map.of("two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10));

    /** The evidence decision per intent, {@code "intent:REFUND_REQUEST"}, made once rather than per match. */
    private static final String[] DECISIONS = decisions();

    private final KeywordTable<IntentLabel> patterns;

    IntentDetector(KeywordTable<IntentLabel> patterns) {
        this.patterns = patterns;
    }

    static IntentDetector loadDefault() {
        return new IntentDetector(KeywordTable.load("intents.tsv", IntentLabel.class, Vocabulary.INTENTS));
    }

    PhraseTable<?> phrases() {
        return patterns.phrases();
    }

    Set<IntentLabel> detect(String text, List<Token> tokens, SentimentLabel sentiment, List<Finding> evidence) {
        Set<IntentLabel> intents = EnumSet.noneOf(IntentLabel.class);
        List<KeywordTable.Match<IntentLabel>> matches = new ArrayList<>(patterns.scan(tokens));
        structural(tokens, matches);
        for (KeywordTable.Match<IntentLabel> m : matches) {
            if (m.target() == IntentLabel.PRAISE && sentiment != SentimentLabel.POSITIVE
                    || m.target() == IntentLabel.CANCELLATION_THREAT && supposed(tokens, m.start())) {
                continue;
            }
            intents.add(m.target());
            String rule = m.target() == IntentLabel.REPEAT_CONTACT ? "repeat-contact" : m.rule();
            evidence.add(new Finding(rule, DECISIONS[m.target().ordinal()], text.substring(m.start(), m.end()), m.start(),
                    m.end(), m.weight()));
        }
        return intents;
    }

    private static String[] decisions() {
        String[] decisions = new String[IntentLabel.values().length];
        for (IntentLabel i : IntentLabel.values()) {
            decisions[i.ordinal()] = "intent:" + i;
        }
        return decisions;
    }

    private static void structural(List<Token> tokens, List<KeywordTable.Match<IntentLabel>> matches) {
        boolean question = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!question && t.norm().equals("?")) {
                question = true;
                matches.add(new KeywordTable.Match<>(IntentLabel.QUESTION, "?", 1, t.start(), t.end()));
            }
            if (i + 1 < tokens.size() && isRepeatCount(tokens, i)) {
                matches.add(new KeywordTable.Match<>(IntentLabel.REPEAT_CONTACT, t.norm() + " " + tokens.get(i + 1).norm(), 1,
                        t.start(), tokens.get(i + 1).end()));
            }
        }
    }

    /**
     * "If I cancel my membership, do I keep access?": leaving put as a supposition, "if" and the writer right
     * before it, asks what would follow; it threatens nothing (2.7).
     */
    private static boolean supposed(List<Token> tokens, int start) {
        for (int k = 2; k < tokens.size(); k++) {
            if (tokens.get(k).start() == start) {
                String who = tokens.get(k - 1).norm();
                return tokens.get(k - 2).norm().equals("if") && (who.equals("i") || who.equals("we"));
            }
        }
        return false;
    }

    /**
     * "third time", or "4 times" / "four times" with a contact verb up to five words before in the sentence ("rang
     * the booking line 14 times", 2.7; three words until then).
     */
    private static boolean isRepeatCount(List<Token> tokens, int i) {
        String word = tokens.get(i).norm();
        String next = tokens.get(i + 1).norm();
        if (next.equals("time")) {
            return ORDINALS.contains(word);
        }
        if (!next.equals("times") || count(word) < 2) {
            return false;
        }
        for (int j = i - 1; j >= 0 && j >= i - 5 && !tokens.get(j).endsSentence(); j--) {
            if (CONTACT_VERBS.contains(tokens.get(j).norm())) {
                return true;
            }
        }
        return false;
    }

    private static int count(String word) {
        Integer n = NUMBER_WORDS.get(word);
        if (n != null) {
            return n;
        }
        if (word.isEmpty() || word.length() > 3 || !word.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(word);
    }
}
