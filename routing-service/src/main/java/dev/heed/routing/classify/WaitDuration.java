package dev.heed.routing.classify;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long the customer says they have waited, in days: the longest of
 * <ul>
 *   <li>an amount and a unit ("3 weeks", "two days", "a couple of months", "48 hours") with a waiting cue
 *       just before it ("for", "over", "waited", "after", ...) or just after it ("ago", "late", "now", ...);</li>
 *   <li>"since" and a day or period ("since Monday" counts 3 days, "since yesterday" 1, "since last week" 7,
 *       "since last month" or a month name 30, "since last year" 365).</li>
 * </ul>
 * A bare "3 weeks" without a cue does not count ("it lasted 3 weeks" is no wait). In a sentence that asks for
 * something ("can I pause my plan for a month", "could we stay for 2 nights"), a period after a cue that only
 * measures ("for", "about", "over", ...) is what is asked for, not a wait; a waiting word ("waited", "been")
 * still counts there ("can you tell me why I've been waiting for 3 weeks"). Immutable.
 */
final class WaitDuration {

    /** The longest wait found: days, and the evidence behind it ({@code null} when none). */
    record Wait(double days, Finding evidence) {
        static final Wait NONE = new Wait(0, null);
    }

    private static final Map<String, Double> UNITS = Lookups.mapOf(Map.ofEntries(
            Map.entry("minute", 1 / 1440.0), Map.entry("minutes", 1 / 1440.0), Map.entry("mins", 1 / 1440.0),
            Map.entry("min", 1 / 1440.0), Map.entry("hour", 1 / 24.0), Map.entry("hours", 1 / 24.0),
            Map.entry("hrs", 1 / 24.0), Map.entry("hr", 1 / 24.0),
            Map.entry("day", 1.0), Map.entry("days", 1.0), Map.entry("week", 7.0), Map.entry("weeks", 7.0),
            Map.entry("fortnight", 14.0), Map.entry("month", 30.0), Map.entry("months", 30.0),
            Map.entry("year", 365.0), Map.entry("years", 365.0)));
    static final Map<String, Double> AMOUNTS = Lookups.mapOf(Map.ofEntries(
            Map.entry("a", 1.0), Map.entry("an", 1.0), Map.entry("one", 1.0), Map.entry("two", 2.0),
            Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
            Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
            Map.entry("twelve", 12.0), Map.entry("couple", 2.0), Map.entry("few", 3.0), Map.entry("several", 3.0),
            Map.entry("many", 4.0)));
    /** Cues that measure any period, waited or not. */
    private static final Set<String> MEASURING_CUES = Lookups.setOf("for", "over", "after", "past", "last", "about",
            "around");
    /** Cues that say the period was waited or taken. */
    private static final Set<String> WAITING_CUES = Lookups.setOf("than", "nearly", "almost", "waiting", "waited", "wait",
            "already", "took", "taken", "taking", "been");
    /** A sentence opening with one of these and then a person asks for something. */
    private static final Set<String> ASKING = Lookups.setOf("can", "could", "may", "will", "would", "do", "does", "is",
            "are", "should");
    private static final Set<String> ASKER = Lookups.setOf("i", "we", "you", "it", "my", "our", "there");
    /** Cues after the period; "since" opens what the period has run from ("three weeks since the landlord said ...", 2.6). */
    private static final Set<String> CUES_AFTER = Lookups.setOf("ago", "later", "now", "late", "overdue", "waiting", "already",
            "since");
    private static final Map<String, Double> SINCE = Lookups.mapOf(Map.ofEntries(
            Map.entry("yesterday", 1.0), Map.entry("monday", 3.0), Map.entry("tuesday", 3.0),
            Map.entry("wednesday", 3.0), Map.entry("thursday", 3.0), Map.entry("friday", 3.0),
            Map.entry("saturday", 3.0), Map.entry("sunday", 3.0), Map.entry("january", 30.0),
            Map.entry("february", 30.0), Map.entry("march", 30.0), Map.entry("april", 30.0), Map.entry("may", 30.0),
            Map.entry("june", 30.0), Map.entry("july", 30.0), Map.entry("august", 30.0),
            Map.entry("september", 30.0), Map.entry("october", 30.0), Map.entry("november", 30.0),
            Map.entry("december", 30.0), Map.entry("christmas", 30.0)));
    private static final Map<String, Double> SINCE_LAST = Lookups.mapOf(Map.of("week", 7.0, "month", 30.0, "year", 365.0));

    Wait longest(String text, List<Token> tokens) {
        Wait best = Wait.NONE;
        for (int i = 0; i < tokens.size(); i++) {
            Wait w = tokens.get(i).norm().equals("since") ? since(text, tokens, i) : amount(text, tokens, i);
            if (w.days() > best.days()) {
                best = w;
            }
        }
        return best;
    }

    private static Wait amount(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).isPunct()) {
            return Wait.NONE;
        }
        double amount = amountOf(tokens.get(i));
        if (amount <= 0) {
            return Wait.NONE;
        }
        int u = i + 1;
        if (u + 1 < tokens.size() && tokens.get(u).norm().equals("of")) {
            u++;
        }
        if (u >= tokens.size() || !UNITS.containsKey(tokens.get(u).norm()) || !cued(tokens, i, u)) {
            return Wait.NONE;
        }
        return wait(text, tokens.get(i).start(), tokens.get(u).end(), amount * UNITS.get(tokens.get(u).norm()));
    }

    private static boolean cued(List<Token> tokens, int first, int last) {
        boolean measured = false;
        for (int j = Math.max(0, first - 2); j < first; j++) {
            String norm = tokens.get(j).norm();
            if (WAITING_CUES.contains(norm)) {
                return true;
            }
            measured |= MEASURING_CUES.contains(norm);
        }
        if (last + 1 < tokens.size() && CUES_AFTER.contains(tokens.get(last + 1).norm())) {
            return true;
        }
        return measured && !asking(tokens, first);
    }

    /** Whether the sentence holding token {@code at} opens by asking: "can I", "could we", "is it", "do you". */
    private static boolean asking(List<Token> tokens, int at) {
        int start = at;
        while (start > 0 && !tokens.get(start - 1).endsSentence()) {
            start--;
        }
        while (start < at && tokens.get(start).kind() == Token.Kind.HANDLE) {
            start++;
        }
        return start + 1 < at && ASKING.contains(tokens.get(start).norm()) && ASKER.contains(tokens.get(start + 1).norm());
    }

    private static Wait since(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return Wait.NONE;
        }
        Token next = tokens.get(i + 1);
        Double days = SINCE.get(next.norm());
        int end = next.end();
        if (days == null && next.norm().equals("last") && i + 2 < tokens.size()) {
            days = SINCE_LAST.get(tokens.get(i + 2).norm());
            end = tokens.get(i + 2).end();
        }
        return days == null ? Wait.NONE : wait(text, tokens.get(i).start(), end, days);
    }

    private static double amountOf(Token t) {
        if (t.kind() == Token.Kind.NUMBER) {
            return t.norm().length() <= 4 ? Integer.parseInt(t.norm()) : 0;
        }
        if (t.word() != null && !t.word().is(Word.AMOUNT)) {
            return 0;
        }
        Double a = AMOUNTS.get(t.norm());
        return a == null ? 0 : a;
    }

    private static Wait wait(String text, int start, int end, double days) {
        return new Wait(days, new Finding("wait-duration", "severity", text.substring(start, end), start, end, days));
    }
}
