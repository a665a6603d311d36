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
    private static final Set<String> THANKS = Lookups.setOf("thanks", "thank", "thx", "ty", "appreciate", "cheers", "kudos");
    /** The weight from which a problem statement is clear ("late" alone, at 0.5, is not). */
    private static final double CLEAR = 0.8;
    private static final Set<String> EVENTS = Lookups.setOf("problem:FAILURE", "problem:WAITING", "problem:MONEY",
            "problem:LOST_BROKEN", "problem:PROMISE_BROKEN");
    /** How many words "for" may stand after the thanks, and the problem after "for" or after the praise. */
    private static final int FOR_WITHIN = 3;
    private static final int PROBLEM_WITHIN = 4;
    /**
     * Word beginnings that name a remedy or its circumstance: what stands between praise and a problem when the
     * praise is for putting the problem right.
     */
    private static final List<String> REMEDIES = List.of("fix", "resolv", "sort", "handl", "help", "rebook", "refund",
            "replac", "revers", "waiv", "restor", "solv", "address", "deal", "look", "after", "despite", "during",
            "through", "since", "when", "while", "compensat", "credit", "explain", "answer", "respon", "reply",
            "updat", "call", "assist", "support", "patien", "understand", "apolog", "sorry");

    private Irony() {
    }

    /**
     * The praise that is irony, as a finding on its span, or null when there is none.
     *
     * @param sentiment the rules' sentiment evidence (lexicon hits, sarcasm frames, courtesy, contrasts)
     * @param problem   the stated problem's evidence
     */
    static Finding find(String text, List<Token> tokens, List<Finding> sentiment, List<Finding> problem) {
        boolean stated = false;
        for (Finding f : problem) {
            stated |= isProblem(f);
        }
        if (!stated) {
            return null;
        }
        Finding thanked = thanksForTheProblem(text, tokens, problem);
        return thanked != null ? thanked : praiseLeadingIntoTheProblem(text, tokens, sentiment, problem);
    }

    private static Finding thanksForTheProblem(String text, List<Token> tokens, List<Finding> problem) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!THANKS.contains(tokens.get(i).norm())) {
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
                int at = tokenAt(tokens, f.start());
                if (isProblem(f) && at > forAt && at - forAt <= PROBLEM_WITHIN && clear(tokens, forAt + 1, at)) {
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
            if (THANKS.contains(tokens.get(i).norm())) {
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
            int at = tokenAt(tokens, f.start());
            if (isProblem(f) && at > last && at - last <= PROBLEM_WITHIN && clear(tokens, last + 1, at) && sameSentence(tokens, last, at)
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

    /** Whether the word names a remedy or its circumstance ("fixing", "refund", "after"). */
    static boolean remedy(String word) {
        for (String remedy : REMEDIES) {
            if (word.startsWith(remedy)) {
                return true;
            }
        }
        return false;
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
     * The index of the token that covers (or first follows) character {@code offset}: the first token ending after
     * it. Tokens come in text order, so their ends rise and a binary search finds it; it is asked for every pair
     * of praise and problem, which a linear scan made quadratic in a long text.
     */
    private static int tokenAt(List<Token> tokens, int offset) {
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
