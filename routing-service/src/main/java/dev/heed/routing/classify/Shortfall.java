package dev.heed.routing.classify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quantity told against the quantity promised: "3mbps on a 500mbps plan", "90 minutes for a '30 minute'
 * delivery", "20 mbps instead of 200". No word of it is a problem and no sentiment word is needed (the praise
 * that often follows, "Great value", is irony); the shape is. Within one sentence: a number with a unit, then
 * within a few words "on", "for", "from", "instead of", "vs" or "against", optionally an article, a possessive,
 * a quote mark or a word of promise ("advertised", "promised"), and a number with a unit of the same family.
 * For time the first is a shortfall when it is at least twice the second (it took longer than promised: "45
 * minutes for a 15 minute delivery"; "10 minutes for a 30 minute walk" is none); for rates and sizes when it is
 * at most half the second (less than paid for: "3mbps on a 500mbps plan"). Never "of" ("used 40GB of my 100GB
 * allowance" is no complaint). Plain Java, stateless; it reads only tokens that hold digits.
 */
final class Shortfall {

    /** The evidence's weight: a clear broken promise, as strong as what was asked for against what came. */
    static final double WEIGHT = 0.9;
    /** How far apart actual and promised must be: a factor of two, not a rounding or an estimate's slack. */
    static final double FACTOR = 2;
    /** Units of time, in minutes: more than promised is the shortfall. */
    private static final Map<String, Double> TIME = Lookups.mapOf(Map.ofEntries(
            Map.entry("min", 1.0), Map.entry("mins", 1.0), Map.entry("minute", 1.0), Map.entry("minutes", 1.0),
            Map.entry("hr", 60.0), Map.entry("hrs", 60.0), Map.entry("hour", 60.0), Map.entry("hours", 60.0),
            Map.entry("day", 1440.0), Map.entry("days", 1440.0), Map.entry("week", 10080.0),
            Map.entry("weeks", 10080.0)));
    /** Units of rate or size, in their smallest common unit: less than promised is the shortfall. */
    private static final Map<String, Double> AMOUNT = Lookups.mapOf(Map.ofEntries(
            Map.entry("kbps", 0.001), Map.entry("mbps", 1.0), Map.entry("mb/s", 1.0), Map.entry("meg", 1.0),
            Map.entry("gbps", 1000.0), Map.entry("gig", 1000.0), Map.entry("mb", 1.0), Map.entry("gb", 1000.0),
            Map.entry("tb", 1_000_000.0), Map.entry("mah", 1.0)));
    /** What joins the actual to the promised quantity. */
    private static final Set<String> AGAINST = Lookups.setOf("on", "for", "from", "instead", "vs", "versus", "against");
    /** What may stand between the join and the promised quantity. */
    private static final Set<String> BETWEEN = Lookups.setOf("a", "an", "the", "my", "our", "your", "their", "his",
            "her", "of", "supposed", "promised", "advertised", "guaranteed", "so-called", "quoted", "paid", "\"", "'",
            "“", "”", "‘", "’", "up", "to", "supposedly", "alleged");
    /** How many tokens the join may stand after the actual quantity ("45 minutes wait for a 15 minute ..."). */
    private static final int JOIN_WITHIN = 3;
    private static final int PROMISE_WITHIN = 5;

    private Shortfall() {
    }

    /** A parsed quantity: its value in the family's unit, the family, and its last token. */
    private record Quantity(double value, Map<String, Double> family, int last) {
    }

    /** The shortfall as a {@code problem:PROMISE_BROKEN} finding on its span, or null when the text tells none. */
    static Finding find(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Quantity actual = quantityAt(tokens, i);
            if (actual == null) {
                continue;
            }
            int join = -1;
            for (int j = actual.last() + 1; j < tokens.size() && j <= actual.last() + JOIN_WITHIN; j++) {
                Token t = tokens.get(j);
                if (t.endsSentence()) {
                    break;
                }
                if (AGAINST.contains(t.norm())) {
                    join = j;
                    break;
                }
            }
            if (join < 0) {
                continue;
            }
            if (tokens.get(join).norm().equals("instead")) {
                if (join + 1 >= tokens.size() || !tokens.get(join + 1).norm().equals("of")) {
                    continue;
                }
                join++;
            }
            for (int k = join + 1; k < tokens.size() && k <= join + PROMISE_WITHIN; k++) {
                Quantity promised = quantityAt(tokens, k);
                if (promised == null && tokens.get(k).kind() == Token.Kind.NUMBER && actual.family() == AMOUNT) {
                    // "20 mbps instead of 200": the unit said once.
                    promised = new Quantity(number(tokens.get(k).norm()) * unitOf(tokens, actual), AMOUNT, k);
                }
                if (promised != null) {
                    if (promised.family() == actual.family() && short_(actual, promised)) {
                        int start = tokens.get(i).start();
                        int end = tokens.get(promised.last()).end();
                        return new Finding(ProblemKind.PROMISE_BROKEN.rule(), "complaint", text.substring(start, end),
                                start, end, WEIGHT);
                    }
                    break;
                }
                if (!BETWEEN.contains(tokens.get(k).norm())) {
                    break;
                }
            }
        }
        return null;
    }

    private static boolean short_(Quantity actual, Quantity promised) {
        if (promised.value() <= 0 || actual.value() <= 0) {
            return false;
        }
        return actual.family() == TIME ? actual.value() >= FACTOR * promised.value()
                : actual.value() * FACTOR <= promised.value();
    }

    /** The unit factor of the actual quantity, read again from its unit token. */
    private static double unitOf(List<Token> tokens, Quantity actual) {
        String last = tokens.get(actual.last()).norm();
        Double f = AMOUNT.get(suffix(last));
        return f == null ? 1 : f;
    }

    /**
     * The quantity starting at token {@code i}: a number and a unit ("15 minute", "15-minute", "500 mbps") or a
     * number written with its unit ("3mbps", "90min"); null when there is none.
     */
    private static Quantity quantityAt(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String norm = t.norm();
        if (norm.isEmpty() || !Character.isDigit(norm.charAt(0))) {
            return null;
        }
        if (t.kind() == Token.Kind.NUMBER) {
            int u = i + 1;
            if (u < tokens.size() && tokens.get(u).norm().equals("-")) {
                u++;
            }
            if (u >= tokens.size()) {
                return null;
            }
            String unit = tokens.get(u).norm();
            Map<String, Double> family = TIME.containsKey(unit) ? TIME : AMOUNT.containsKey(unit) ? AMOUNT : null;
            return family == null ? null : new Quantity(number(norm) * family.get(unit), family, u);
        }
        String unit = suffix(norm);
        int digits = norm.length() - unit.length();
        if (unit.isEmpty() || digits == 0) {
            return null;
        }
        Map<String, Double> family = TIME.containsKey(unit) ? TIME : AMOUNT.containsKey(unit) ? AMOUNT : null;
        return family == null ? null : new Quantity(number(norm.substring(0, digits)) * family.get(unit), family, i);
    }

    /** What follows the leading digits of a word ("mbps" of "500mbps"). */
    private static String suffix(String word) {
        int k = 0;
        while (k < word.length() && Character.isDigit(word.charAt(k))) {
            k++;
        }
        return word.substring(k);
    }

    private static double number(String digits) {
        return leadingDigits(digits, 9);
    }

    /**
     * The value of the digits that open {@code text}, at most {@code max} of them (0 when it opens with none); shared
     * with {@link Overcharge}, which reads sums.
     */
    static double leadingDigits(String text, int max) {
        double v = 0;
        for (int k = 0; k < text.length() && k < max; k++) {
            char c = text.charAt(k);
            if (!Character.isDigit(c)) {
                return v;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
