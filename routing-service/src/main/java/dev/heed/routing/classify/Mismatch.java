package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * What was asked for against what came, told side by side: "booked a sea view, got a room facing the bins",
 * "ordered a fridge and received a washing machine", "paid for priority and was seated last instead". No
 * single word of it is a problem; the shape is. Within one sentence: an act of asking or paying ("booked",
 * "ordered", "paid for", ...), then after a comma or a conjunction what came ("got", "received", "given")
 * followed by a thing (an article or a number: "got two singles"), or "instead". What came is no mismatch
 * when it is a message or a remedy ("ordered Monday, got a text that it shipped", "got a refund"), nor when
 * the thing is named by a pronoun ("ordered at ten, got it by noon"). Plain Java, stateless.
 */
final class Mismatch {

    /** The evidence's weight: a clear failure, less than one named outright ("cancelled"). */
    static final double WEIGHT = 0.9;
    static final Set<String> ASKED = Lookups.setOf("booked", "ordered", "reserved", "requested", "purchased",
            "bought", "chose", "selected");
    /** "paid for", "asked for", "paid extra for". */
    static final Set<String> ASKED_FOR = Lookups.setOf("paid", "asked");
    private static final Set<String> CAME = Lookups.setOf("got", "get", "gets", "received", "receive", "given");
    /** What came told as the provider's act (2.7): "booked an estate car, they sent a saloon". */
    private static final Set<String> SENT = Lookups.setOf("sent", "gave", "brought", "delivered", "supplied",
            "provided", "fitted", "installed");
    private static final Set<String> THEY = Lookups.setOf("they", "you", "he", "she");
    private static final Set<String> JOINS = Lookups.setOf(",", ";", "and", "but", "yet", "only", "instead", "i",
            "we", "then", "just", "was", "were", "me", "us", "-", "–", "—", "they", "you", "he", "she");
    private static final Set<String> THING = Lookups.setOf("a", "an", "the", "some", "one", "two", "three", "four",
            "half", "someone", "somebody");
    /** What may come after an order without anything being wrong: word of it, or a remedy. */
    private static final Set<String> NOT_THE_THING = Lookups.setOf("text", "texts", "email", "e-mail", "emails", "call",
            "message", "notification", "confirmation", "reply", "response", "receipt", "refund", "voucher",
            "discount", "upgrade", "upgraded", "free", "apology", "credit", "update", "tracking", "great", "good",
            "lovely", "nice", "fantastic", "brilliant", "perfect", "bonus", "gift", "day", "week", "few");
    /** How far the asking may stand before what came. */
    private static final int WITHIN = 14;

    private Mismatch() {
    }

    /** The mismatch as a {@code problem:FAILURE} finding on its span, or null when the text tells none. */
    static Finding find(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            int asked = askedAt(tokens, i);
            if (asked < 0) {
                continue;
            }
            boolean joined = false;
            for (int j = asked + 1; j < tokens.size() && j <= asked + WITHIN && !tokens.get(j).endsSentence(); j++) {
                String w = tokens.get(j).norm();
                if (w.equals("instead") && joined && !(j + 1 < tokens.size() && tokens.get(j + 1).norm().equals("of"))) {
                    return finding(text, tokens, i, j);
                }
                if (w.equals(",") || w.equals(";") || w.equals("and") || w.equals("but") || w.equals("-")) {
                    joined = true;
                } else if (joined && (CAME.contains(w) || SENT.contains(w) && byThem(tokens, j)) && joinedDirectly(tokens, j)) {
                    int thing = thingAfter(tokens, j);
                    if (thing >= 0 && !sameThing(tokens, asked, j, thing)) {
                        return finding(text, tokens, i, thing);
                    }
                }
            }
        }
        return null;
    }

    /** The last token of an act of asking that starts at {@code i}, or -1. */
    private static int askedAt(List<Token> tokens, int i) {
        // Read from the token's vocabulary flags: asked for every token of every text.
        Token t = tokens.get(i);
        if (Word.in(t, Word.ASKED, ASKED)) {
            return i;
        }
        if (Word.in(t, Word.ASKED_FOR, ASKED_FOR)) {
            for (int j = i + 1; j < tokens.size() && j <= i + 2; j++) {
                if (tokens.get(j).norm().equals("for")) {
                    return j;
                }
            }
        }
        return -1;
    }

    /** What came follows the join with nothing but joining words between ("and I got", ", only to receive"). */
    private static boolean joinedDirectly(List<Token> tokens, int came) {
        for (int k = came - 1; k >= 0 && k >= came - 3; k--) {
            String w = tokens.get(k).norm();
            if (w.equals(",") || w.equals(";") || w.equals("and") || w.equals("but") || w.equals("-")) {
                return true;
            }
            if (!JOINS.contains(w) && !w.equals("to")) {
                return false;
            }
        }
        return false;
    }

    /** The token naming the thing that came ("a", "two", "12"), or -1 when what came is no thing or is allowed. */
    private static int thingAfter(List<Token> tokens, int came) {
        int k = came + 1;
        if (k < tokens.size() && (tokens.get(k).norm().equals("me") || tokens.get(k).norm().equals("us"))) {
            k++;
        }
        if (k >= tokens.size()) {
            return -1;
        }
        Token t = tokens.get(k);
        if (!THING.contains(t.norm()) && t.kind() != Token.Kind.NUMBER) {
            return bareThing(tokens, k) ? k : -1;
        }
        if (k + 1 < tokens.size() && NOT_THE_THING.contains(tokens.get(k + 1).norm())) {
            return -1;
        }
        return k + 1 < tokens.size() && tokens.get(k + 1).isWord() ? k + 1 : k;
    }

    /** The provider right before its act: "they sent", not "a fridge that was delivered". */
    private static boolean byThem(List<Token> tokens, int j) {
        return j > 0 && THEY.contains(tokens.get(j - 1).norm());
    }

    /**
     * What came is what was asked for ("ordered a sofa, they delivered the sofa on Friday"): its word stands in the
     * four words after the asking, before what came.
     */
    private static boolean sameThing(List<Token> tokens, int asked, int came, int thing) {
        String w = tokens.get(thing).norm();
        for (int k = asked + 1; k < came && k <= asked + 4; k++) {
            if (tokens.get(k).norm().equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** Words that, right after "got", name no thing that came: pronouns, places, states, and praise. */
    private static final Set<String> NO_BARE_THING = Lookups.setOf("it", "them", "this", "that", "these", "those",
            "here", "there", "home", "back", "in", "on", "up", "off", "out", "to", "into", "through", "by", "my",
            "our", "your", "his", "her", "their", "its", "him", "lost", "so", "really", "very", "what", "exactly",
            "lucky", "access", "everything", "nothing", "something", "anything", "all", "both", "told", "stuck",
            "round", "around", "away", "over", "together", "ready", "better", "worse", "more", "less", "much",
            "enough", "plenty", "loads", "lots", "priority", "seats", "seated", "served", "money", "points", "miles",
            "rewards", "cashback", "change", "just", "only", "which", "wet", "sick", "bored", "delivery", "service",
            "help", "advice", "support", "next", "same", "today", "tomorrow", "tonight", "quickly", "fast", "soon",
            "early", "late", "straight", "first", "second", "another", "extra", "double", "twice", "loyalty", "special",
            "compliments", "thanks", "instant", "immediate", "quick", "prompt", "regular", "updates", "news", "word",
            "sent", "asked", "given", "put", "moved", "caught");

    /**
     * "ordered varifocals, got single vision lenses": what came named without an article (2.7), a word that is
     * no pronoun, place, state, remedy or praise, and not a participle ("got seated", "got chatting").
     */
    private static boolean bareThing(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        String w = t.norm();
        return t.isWord() && w.length() >= 3 && !w.endsWith("ed") && !w.endsWith("ing") && !NO_BARE_THING.contains(w)
                && !NOT_THE_THING.contains(w) && k + 1 < tokens.size() && tokens.get(k + 1).isWord();
    }

    private static Finding finding(String text, List<Token> tokens, int from, int to) {
        int start = tokens.get(from).start();
        int end = tokens.get(to).end();
        return new Finding(ProblemKind.FAILURE.rule(), "complaint", text.substring(start, end), start, end, WEIGHT);
    }
}
