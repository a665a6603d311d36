package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * A sum charged above the sum agreed: "Quoted £400 for the service, the invoice came to £720", "charged $85 for a
 * plan advertised at $49", "the estimate was 200 euros and they billed 450 euros". No word of it is a problem (each
 * half alone is a plain fact); the shape is. Two sums of money, one led by a word of agreement ("quoted",
 * "estimate", "advertised", "agreed", ...) and one by a word of charging ("charged", "invoice", "billed", "came
 * to", "took", ...), in either order within {@value #APART} tokens, the charged at least {@value #FACTOR} times
 * the agreed. A sum is a number with a currency sign just before it or a currency word just after it, its
 * thousands and decimals joined ("$1,870.50"); a bare number is no sum ("quoted 3 days, took 9" is time).
 * Plain Java, stateless; it reads only the tokens that hold digits and the few words around them.
 */
final class Overcharge {

    /** The evidence's weight: money taken beyond what was agreed, as strong as "charged extra". */
    static final double WEIGHT = 1.0;
    /** Charged against agreed: a fifth more is not rounding, a tip or a tax the writer forgot. */
    static final double FACTOR = 1.2;
    /** How far apart the two sums may be, in tokens: the same or the next sentence of a message. */
    static final int APART = 30;
    /** How many tokens before a sum its cue may stand ("quoted us about £400", "the invoice came to £720"). */
    private static final int CUE_WITHIN = 4;
    private static final Set<String> AGREED = Lookups.setOf("quoted", "quote", "quotes", "estimate", "estimated",
            "advertised", "agreed", "offered", "promised", "listed", "priced", "fixed", "expected", "told");
    private static final Set<String> CHARGED = Lookups.setOf("charged", "charge", "charging", "invoice", "invoiced",
            "billed", "bill", "took", "taken", "debited", "deducted", "withdrew", "withdrawn", "came", "comes", "total",
            "totalled", "totaled", "paid", "pay");
    private static final Set<String> CURRENCY_WORDS = Lookups.setOf("eur", "euro", "euros", "usd", "dollars", "dollar",
            "gbp", "pounds", "pound", "quid", "bucks", "inr", "rupees", "aud", "cad", "chf", "francs", "yen", "sek",
            "nok", "dkk", "kr", "zl", "pln");
    private static final String CURRENCY_SIGNS = "$£€¥₹₩₽₺";

    private Overcharge() {
    }

    /** A sum: its value, its first and last token, and what its cue says of it. */
    private record Sum(double value, int first, int last, boolean agreed, boolean charged) {
    }

    /** The overcharge as a {@code problem:MONEY} finding on the span of both sums, or null when the text tells none. */
    static Finding find(String text, List<Token> tokens) {
        Sum agreed = null;
        Sum charged = null;
        for (int i = 0; i < tokens.size(); i++) {
            Sum sum = sumAt(text, tokens, i);
            if (sum == null) {
                continue;
            }
            i = sum.last();
            if (sum.agreed() == sum.charged()) {
                continue;
            }
            if (sum.agreed()) {
                agreed = sum;
            } else {
                charged = sum;
            }
            if (agreed != null && charged != null && Math.abs(agreed.first() - charged.first()) <= APART
                    && charged.value() >= FACTOR * agreed.value() && agreed.value() > 0) {
                Token a = tokens.get(Math.min(agreed.first(), charged.first()));
                Token b = tokens.get(Math.max(agreed.last(), charged.last()));
                int start = cueStart(tokens, Math.min(agreed.first(), charged.first()), a.start());
                return new Finding("problem:" + ProblemKind.MONEY, "complaint", text.substring(start, b.end()), start,
                        b.end(), WEIGHT);
            }
        }
        return null;
    }

    /** The start of the cue before the first sum, so that the evidence reads "Quoted £400 ... £720". */
    private static int cueStart(List<Token> tokens, int first, int fallback) {
        for (int j = first - 1; j >= 0 && j >= first - CUE_WITHIN; j--) {
            Token t = tokens.get(j);
            if (t.endsSentence()) {
                break;
            }
            if (AGREED.contains(t.norm()) || CHARGED.contains(t.norm())) {
                return t.start();
            }
        }
        return fallback;
    }

    /** The sum starting at token {@code i}, or null when the number there is no sum of money. */
    private static Sum sumAt(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.kind() != Token.Kind.NUMBER) {
            return null;
        }
        boolean sign = t.start() > 0 && CURRENCY_SIGNS.indexOf(text.charAt(t.start() - 1)) >= 0;
        double value = number(t.norm());
        int last = i;
        // "1,870.50": digits, a comma or point written tight against them, digits.
        while (last + 2 < tokens.size()) {
            Token sep = tokens.get(last + 1);
            Token digits = tokens.get(last + 2);
            boolean tight = sep.start() == tokens.get(last).end() && digits.start() == sep.end();
            if (!tight || digits.kind() != Token.Kind.NUMBER || !(sep.norm().equals(",") || sep.norm().equals("."))) {
                break;
            }
            if (sep.norm().equals(",") && digits.norm().length() == 3) {
                value = value * 1000 + number(digits.norm());
            } else if (sep.norm().equals(".") && digits.norm().length() <= 2) {
                value += number(digits.norm()) / (digits.norm().length() == 1 ? 10 : 100);
            } else {
                break;
            }
            last += 2;
        }
        boolean word = last + 1 < tokens.size() && CURRENCY_WORDS.contains(tokens.get(last + 1).norm());
        if (!sign && !word) {
            return null;
        }
        if (word) {
            last++;
        }
        boolean agreed = false;
        boolean charged = false;
        for (int j = i - 1; j >= 0 && j >= i - CUE_WITHIN; j--) {
            Token c = tokens.get(j);
            if (c.endsSentence() || c.kind() == Token.Kind.NUMBER) {
                break;
            }
            agreed |= AGREED.contains(c.norm());
            charged |= CHARGED.contains(c.norm());
        }
        return new Sum(value, i, last, agreed, charged);
    }

    private static double number(String digits) {
        return Shortfall.leadingDigits(digits, 12);
    }
}
