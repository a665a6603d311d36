package dev.heed.routing.classify;

import java.util.List;
import java.util.Set;

/**
 * Praise whose object is the stated problem is irony, and the text a complaint: "thanks for losing my bag",
 * "great, another delay", "wonderful service, three days without internet". Two shapes, both about where
 * the praise stands against the problem ({@link ComplaintSignals}), not about which words are used:
 * <ol>
 *   <li>thanks for the problem: a word of thanks, "for" within a few words, and a stated problem within a few
 *       words after that, with no remedy in between ("thanks for fixing the outage" and "thanks for rebooking me
 *       after the cancellation" thank for the remedy, and are not irony);</li>
 *   <li>praise leading into the problem: a positive word or a word of thanks right before a stated problem (a few
 *       words, in the same sentence), with no contrast ("but", "though") and no remedy in between ("thanks, third
 *       outage this week", "love that my parcel is stuck"). Further apart, the praise is as likely meant for
 *       something else ("love the stick, thinking about cancelling the satellite"). Praise after the problem ("delayed, and the crew
 *       were great") or across a contrast ("great crew, but the flight was late") is taken as meant.</li>
 * </ol>
 * Either way the thanks or praise is not for anything put right, so it must not soften the problem. Other
 * courtesy never makes irony ("please help, my card was declined"). Plain Java, stateless.
 */
final class Irony {

    /** Words after which "for" names what is being thanked for. */
    static final Set<String> THANKS = Lookups.setOf("thanks", "thank", "thx", "ty", "appreciate", "cheers", "kudos");
    /** The weight from which a problem statement is clear ("late" alone, at 0.5, is not). */
    private static final double CLEAR = 0.8;
    private static final Set<String> EVENTS = Lookups.setOf("problem:FAILURE", "problem:WAITING", "problem:MONEY",
            "problem:LOST_BROKEN", "problem:PROMISE_BROKEN");
    /** How many words "for" may stand after the thanks, and the problem after "for" or after the praise. */
    private static final int FOR_WITHIN = 3;
    static final int PROBLEM_WITHIN = 4;
    /**
     * Word beginnings that name a remedy or its circumstance: what stands between praise and a problem when the
     * praise is for putting the problem right.
     */
    static final List<String> REMEDIES = List.of("fix", "resolv", "sort", "handl", "help", "rebook", "refund",
            "replac", "revers", "waiv", "restor", "solv", "address", "deal", "look", "after", "despite", "during",
            "through", "since", "when", "while", "compensat", "credit", "explain", "answer", "respon", "reply",
            "updat", "call", "assist", "support", "patien", "understand", "apolog", "sorry",
            // Finding or mending what was lost or broken (2.7): "thank you for finding my lost keys".
            "findin", "recover", "retriev", "repair", "remad", "redeliver");
    /**
     * {@link #REMEDIES} by their first letter: {@link #remedy} is asked for every word between praise and a
     * problem, and a word need only be compared with the few beginnings that share its first letter.
     */
    private static final String[][] REMEDIES_BY_FIRST = byFirstLetter(REMEDIES);

    /** The closing sentence of praise is at most this many words ("Really great value, honestly" is four). */
    static final int CLOSING_WORDS = 4;
    /** Words that may stand in a closing verdict besides the praise: intensifiers, articles, "what a". */
    private static final Set<String> CLOSE_FILLERS = Lookups.setOf("so", "just", "really", "truly", "absolutely",
            "very", "such", "a", "an", "the", "what", "oh", "well", "how", "that's", "thats", "this", "is", "it's",
            "its", "too", "simply", "totally", "honestly", "again", "another", "some", "real", "pure", "top");
    /** Words that make a closing sentence something other than a verdict on the problem. */
    private static final Set<String> CLOSE_BREAKERS = Lookups.setOf("still", "though", "but", "however", "anyway",
            "otherwise", "overall", "apart", "except", "not", "no", "never", "although", "nevertheless", "luckily",
            "fortunately", "thankfully", "at", "least", "now", "finally", "eventually");

    private Irony() {
    }

    /**
     * The praise that is irony, as a finding on its span, or null when there is none.
     *
     * @param sentiment the rules' sentiment evidence (lexicon hits, sarcasm frames, courtesy, contrasts)
     * @param problem   the stated problem's evidence
     */
    static Finding find(String text, List<Token> tokens, List<Finding> sentiment, List<Finding> problem) {
        // The clear problems, picked once: the shapes below ask of every pair of praise and problem.
        List<Finding> events = null;
        for (Finding f : problem) {
            if (isProblem(f)) {
                if (events == null) {
                    events = new java.util.ArrayList<>(problem.size());
                }
                events.add(f);
            }
        }
        if (events == null) {
            return null;
        }
        problem = events;
        Finding thanked = thanksForTheProblem(text, tokens, problem);
        if (thanked != null) {
            return thanked;
        }
        Finding led = praiseLeadingIntoTheProblem(text, tokens, sentiment, problem);
        return led != null ? led : closingPraise(text, tokens, sentiment, problem);
    }

    /*
     * The shapes below read only the clear problems (isProblem), which find() picked from the problem evidence.
     */

    /**
     * The third shape, 2.5: a terse verdict of praise that closes a text after its problem, in a sentence of its
     * own: "... and the food came cold. Great.", "... 3mbps on a 500mbps plan. Great value 👏", "... Fun times".
     * The closing sentence is at most {@value #CLOSING_WORDS} words, holds a positive word the rules counted,
     * and besides it and a few intensifiers or articles at most one other word, after the praise; nobody is its
     * subject (no "I", "you", "we"), and it has no negation, contrast ("still", "though") or remedy. Between the
     * problem and the close stands no contrast and no remedy ("lost my booking, but the desk found it in seconds.
     * Lovely staff." praises the remedy), and before the close no praise at all (then the text is mixed or glad,
     * and its close meant). A longer sentence of praise ("The crew were great") is taken as meant.
     */
    private static Finding closingPraise(String text, List<Token> tokens, List<Finding> sentiment, List<Finding> problem) {
        int end = tokens.size();
        while (end > 0 && (tokens.get(end - 1).isPunct() || tokens.get(end - 1).kind() == Token.Kind.LINK
                || tokens.get(end - 1).kind() == Token.Kind.HANDLE)) {
            end--;
        }
        int start = end;
        while (start > 0 && !tokens.get(start - 1).endsSentence()) {
            start--;
        }
        if (start == 0 || start >= end) {
            return null;
        }
        int closeStart = tokens.get(start).start();
        Finding before = null;
        for (Finding f : problem) {
            if (f.end() <= closeStart && (before == null || f.end() > before.end())) {
                before = f;
            }
        }
        if (before == null || !noRemedyAct(tokens, tokenAt(tokens, before.end()), start)
                || !noContrast(sentiment, before.end(), closeStart)) {
            return null;
        }
        for (Finding f : sentiment) {
            // Praise before the close too: the text is mixed or glad ("waited for the sale, and now I'm enjoying
            // it ... Love it!"), and its closing praise is meant.
            if (isPraise(f) && f.start() < closeStart) {
                return null;
            }
        }
        int words = 0;
        int other = 0;
        boolean praised = false;
        for (int k = start; k < end; k++) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                continue;
            }
            words++;
            String w = t.norm();
            if (words > CLOSING_WORDS || CLOSE_BREAKERS.contains(w) || remedy(w)
                    || ComplaintSignals.FIRST_PERSON.contains(w) || ComplaintSignals.SECOND_PERSON.contains(w)) {
                return null;
            }
            boolean praise = false;
            for (Finding f : sentiment) {
                if (isPraise(f) && f.start() <= t.start() && f.end() >= t.end()) {
                    praise = true;
                    break;
                }
            }
            praised |= praise;
            // The one other word follows the praise, as in an exclamation ("Great value", "Fun times"); before
            // it, the praise is a statement about something else ("Food excellent", "Staff lovely").
            if (!praise && !CLOSE_FILLERS.contains(w) && (++other > 1 || !praised)) {
                return null;
            }
        }
        for (Finding f : sentiment) {
            // An emoji of praise counts too ("... 3 days late 👏"), a negative word in the close does not go with it.
            if (f.start() >= closeStart && f.start() < tokens.get(end - 1).end() && f.decision().equals("sentiment")) {
                if (isPraise(f)) {
                    praised = true;
                } else if (f.weight() < 0 && f.rule().equals("lexicon")) {
                    return null;
                }
            }
        }
        return praised ? irony(text, before.start(), text.length()) : null;
    }

    private static Finding thanksForTheProblem(String text, List<Token> tokens, List<Finding> problem) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!Word.in(tokens.get(i), Word.THANKS, THANKS)) {
                continue;
            }
            int forAt = -1;
            for (int j = i + 1; j < tokens.size() && j <= i + FOR_WITHIN && !tokens.get(j).endsSentence(); j++) {
                if (tokens.get(j).norm().equals("for")) {
                    forAt = j;
                    break;
                }
            }
            if (forAt < 0) {
                continue;
            }
            for (Finding f : problem) {
                if (!within(tokens, f.start(), forAt)) {
                    continue;
                }
                int at = tokenAt(tokens, f.start());
                if (clear(tokens, forAt + 1, at)) {
                    return irony(text, tokens.get(i).start(), f.end());
                }
            }
        }
        return null;
    }

    private static Finding praiseLeadingIntoTheProblem(String text, List<Token> tokens, List<Finding> sentiment, List<Finding> problem) {
        for (Finding praise : sentiment) {
            if (isPraise(praise)) {
                Finding irony = leadsInto(text, tokens, sentiment, problem, praise.start(), tokenAt(tokens, praise.end() - 1));
                if (irony != null) {
                    return irony;
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (Word.in(tokens.get(i), Word.THANKS, THANKS)) {
                Finding irony = leadsInto(text, tokens, sentiment, problem, tokens.get(i).start(), i);
                if (irony != null) {
                    return irony;
                }
            }
        }
        return null;
    }

    /** Irony from {@code start} to the first problem after token {@code last} that the praise leads into, or null. */
    private static Finding leadsInto(String text, List<Token> tokens, List<Finding> sentiment, List<Finding> problem, int start, int last) {
        for (Finding f : problem) {
            if (!within(tokens, f.start(), last)) {
                continue;
            }
            int at = tokenAt(tokens, f.start());
            if (clear(tokens, last + 1, at) && sameSentence(tokens, last, at)
                    && noContrast(sentiment, tokens.get(last).end(), f.start())) {
                return irony(text, start, f.end());
            }
        }
        return null;
    }

    /**
     * A clear statement that something went wrong: a failure, a wait, money taken, something lost or broken, a
     * promise broken. Repetition ("again") and demands are no object of praise: "will come back again".
     */
    private static boolean isProblem(Finding f) {
        return f.weight() >= CLEAR && f.start() >= 0 && EVENTS.contains(f.rule());
    }

    /** A positive word or phrase the rules counted (not courtesy, not a frame already read as sarcasm). */
    private static boolean isPraise(Finding f) {
        return f.start() >= 0 && f.weight() > 0 && f.decision().equals("sentiment")
                && (f.rule().equals("lexicon") || f.rule().startsWith("phrase") || f.rule().equals("sarcasm-frame"));
    }

    /** No remedy word in tokens {@code [from, to)}. */
    private static boolean clear(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (remedy(tokens.get(k).norm())) {
                return false;
            }
        }
        return true;
    }

    /** No remedy itself in tokens {@code [from, to)}; its circumstance ("during", "since") may stand there. */
    private static boolean noRemedyAct(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (remedyAct(tokens.get(k).norm())) {
                return false;
            }
        }
        return true;
    }

    /** Word beginnings in {@link #REMEDIES} that name the circumstance of a remedy, not the remedy itself. */
    private static final List<String> CIRCUMSTANCES = List.of("after", "despite", "during", "through", "since", "when",
            "while");

    /** Whether the word names a remedy itself ("fixing", "refund", "help"), not its circumstance ("after"). */
    static boolean remedyAct(String word) {
        if (!remedy(word)) {
            return false;
        }
        for (String c : CIRCUMSTANCES) {
            if (word.startsWith(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A remedy told as done by someone ("refunded", "fixed", "found it"): the problem was put right (2.5). Past
     * forms only: "ruined the evening by replacing the singer" tells how the problem was done, not a remedy.
     */
    static final Set<String> REMEDIED = Lookups.setOf("refunded", "fixed", "sorted", "resolved", "replaced",
            "rebooked", "restored", "solved", "waived", "reversed", "credited", "reimbursed", "compensated", "found",
            "upgraded",
            // Made or sent again, mended (2.7): "the optician remade them in two days".
            "remade", "redone", "repaired", "resent", "reissued", "redelivered", "recovered", "retrieved");
    /** What before a remedy says it was not done ("never fixed", "still not sorted", "I found"). */
    private static final Set<String> NOT_DONE = Lookups.setOf("not", "never", "isn't", "wasn't", "hasn't", "haven't",
            "hadn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "no", "yet", "still", "be", "being", "get",
            "i", "we", "to", "if", "until", "unless");
    /** What after a remedy says the problem went on ("refunded the wrong card", "fixed it, but ..."). */
    private static final Set<String> GOES_ON = Lookups.setOf("still", "again", "but", "yet", "however", "only",
            "wrong", "half", "partially", "partly", "never", "not", "broke", "broken", "until", "then", "except");

    /**
     * The token of a remedy told as done between tokens {@code from} and {@code to} ("support refunded it",
     * "they fixed it"), not negated or put as the writer's own act or a wish ("never fixed", "I sorted it myself",
     * "want it fixed"), and not followed in the text by words that say the problem went on ("refunded the wrong
     * card", "fixed it, but it broke again"); -1 when there is none.
     */
    static int remedyDone(List<Token> tokens, int from, int to) {
        for (int k = Math.max(0, from); k < to && k < tokens.size(); k++) {
            if (!Word.in(tokens.get(k), Word.REMEDIED, REMEDIED)) {
                continue;
            }
            boolean done = true;
            for (int b = k - 1; b >= 0 && b >= k - 2 && done; b--) {
                done = !NOT_DONE.contains(tokens.get(b).norm()) && !tokens.get(b).norm().endsWith("n't");
            }
            for (int a = k + 1; a < tokens.size() && done; a++) {
                String w = tokens.get(a).norm();
                done = !GOES_ON.contains(w) && !w.endsWith("n't");
            }
            if (done) {
                return k;
            }
        }
        return -1;
    }

    /** Whether the word names a remedy or its circumstance ("fixing", "refund", "after"). */
    static boolean remedy(String word) {
        if (word.isEmpty() || word.charAt(0) >= REMEDIES_BY_FIRST.length) {
            return false;
        }
        for (String remedy : REMEDIES_BY_FIRST[word.charAt(0)]) {
            if (word.startsWith(remedy)) {
                return true;
            }
        }
        return false;
    }

    /** Word beginnings grouped by their first character (ASCII; an empty group for every other character). */
    static String[][] byFirstLetter(List<String> beginnings) {
        String[][] groups = new String[128][0];
        for (String b : beginnings) {
            String[] group = groups[b.charAt(0)];
            group = java.util.Arrays.copyOf(group, group.length + 1);
            group[group.length - 1] = b;
            groups[b.charAt(0)] = group;
        }
        return groups;
    }

    private static boolean sameSentence(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).endsSentence()) {
                return false;
            }
        }
        return true;
    }

    private static boolean noContrast(List<Finding> sentiment, int from, int to) {
        for (Finding f : sentiment) {
            if (f.rule().startsWith("contrast:") && f.start() >= from && f.start() < to) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the token at character {@code offset} ({@link #tokenAt}) comes after token {@code last} and at most
     * {@value #PROBLEM_WITHIN} tokens after it, read from two token ends rather than a search: asked for every
     * pair of praise and problem, and most pairs are far apart. Token ends rise, so the first token ending after
     * {@code offset} lies after {@code last} exactly when {@code last} ends at or before it, and no further than
     * {@code last + PROBLEM_WITHIN} exactly when that token (if there is one) ends after it.
     */
    static boolean within(List<Token> tokens, int offset, int last) {
        if (last < 0 || last >= tokens.size() || tokens.get(last).end() > offset) {
            return false;
        }
        int far = last + PROBLEM_WITHIN;
        return far >= tokens.size() || tokens.get(far).end() > offset;
    }

    /**
     * The index of the token that covers (or first follows) character {@code offset}: the first token ending after
     * it. Tokens come in text order, so their ends rise and a binary search finds it; it is asked for every pair
     * of praise and problem, which a linear scan made quadratic in a long text.
     */
    static int tokenAt(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).end() > offset) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static Finding irony(String text, int start, int end) {
        return new Finding("irony", "sentiment", text.substring(start, end), start, end, 0);
    }
}
