package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * The day something was due against the day it came (2.7): "the cake was for Saturday, it was ready on
 * Monday", "skip booked for Tuesday, arrived the following Friday", "paid for same-day delivery, it turned up
 * the next afternoon". No word of it is a problem; the two days are. The day due is a weekday named after
 * "for", "by", "due" or a word of arranging ("booked", "promised", "scheduled", ...), or "same day"; the day it
 * came is a weekday other than the one due, or "next"/"following" and a time ("the next afternoon", "the
 * following week"), at most four words after a word of coming ("arrived", "came", "turned up", "ready",
 * "delivered", ...) later in the text, across sentences. Not the day of ordering ("ordered on Monday, arrived
 * Wednesday": "on" tells when it was done), not the same weekday, not "early". Plain Java, stateless; it reads
 * only texts that name a weekday or "same day".
 */
final class MissedDay {

    /** A failure, as a mismatch of what was asked for and what came. */
    static final double WEIGHT = Mismatch.WEIGHT;
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    /** The day due follows one of these, with "the", "this", "next" or "on" between at most. */
    private static final Set<String> DUE = Lookups.setOf("for", "by", "due", "booked", "promised", "scheduled",
            "arranged", "expected", "guaranteed", "confirmed", "agreed", "until");
    private static final Set<String> BETWEEN_DUE = Lookups.setOf("the", "this", "next", "on", "a", "last");
    private static final Set<String> CAME = Lookups.setOf("arrived", "came", "turned", "showed", "delivered",
            "ready", "fitted", "installed", "done", "finished", "appeared", "collected", "dispatched", "shipped",
            "sent", "arrives", "comes", "arriving", "coming", "delivering", "delivers");
    private static final Set<String> LATER = Lookups.setOf("next", "following");
    private static final Set<String> TIMES = Lookups.setOf("day", "morning", "afternoon", "evening", "night", "week",
            "weekend", "month");
    /** How far, in tokens, the day it came may stand from the day due. */
    private static final int WITHIN = 40;
    private static final int SAME_DAY = 7;

    private MissedDay() {
    }

    /** The missed day as a {@code problem:FAILURE} finding from the day due to the day it came, or null. */
    static Finding find(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            int due = dueAt(tokens, i);
            if (due < 0) {
                continue;
            }
            for (int j = i + 1; j < tokens.size() && j <= i + WITHIN; j++) {
                if (!CAME.contains(tokens.get(j).norm())) {
                    continue;
                }
                int came = cameAt(tokens, j, due);
                if (came >= 0) {
                    int start = tokens.get(i).start();
                    int end = tokens.get(came).end();
                    return new Finding(ProblemKind.FAILURE.rule(), "complaint", text.substring(start, end), start, end,
                            WEIGHT);
                }
            }
        }
        return null;
    }

    /** The day due named at token {@code i}: 0-6 for a weekday, {@link #SAME_DAY}, or -1. */
    private static int dueAt(List<Token> tokens, int i) {
        String w = tokens.get(i).norm();
        if (!w.endsWith("day")) {
            return w.equals("same") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("day") ? SAME_DAY : -1;
        }
        int day = WEEKDAYS.indexOf(w);
        if (day < 0) {
            return -1;
        }
        for (int b = i - 1; b >= 0 && b >= i - 3; b--) {
            String before = tokens.get(b).norm();
            if (DUE.contains(before)) {
                return day;
            }
            if (!BETWEEN_DUE.contains(before)) {
                return -1;
            }
        }
        return -1;
    }

    /** The last token of a day other than {@code due} told at most four words after a word of coming, or -1. */
    private static int cameAt(List<Token> tokens, int came, int due) {
        for (int k = came + 1; k < tokens.size() && k <= came + 5; k++) {
            Token t = tokens.get(k);
            String w = t.norm();
            if (t.endsSentence() || w.equals("early") || w.equals("earlier") || w.equals("before")) {
                return -1;
            }
            int day = WEEKDAYS.indexOf(w);
            if (day >= 0) {
                return day != due ? k : -1;
            }
            if (LATER.contains(w) && k + 1 < tokens.size()) {
                String after = tokens.get(k + 1).norm();
                if (TIMES.contains(after) || WEEKDAYS.contains(after)) {
                    return k + 1;
                }
            }
        }
        return -1;
    }
}
