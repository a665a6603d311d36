package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Evidence that a customer has a problem, whatever the tone: failures ("cancelled", "never arrived", "can't log
 * in"), waiting ("on hold", "still waiting", a stated wait of an hour or more), money taken ("charged twice"),
 * things lost or broken, promises broken, repetition, demands for redress, and questions that demand action
 * ("why was my flight cancelled?"). Phrases come from {@code complaints.tsv}, longest first; a word right after
 * a negation in its clause ("wasn't delayed", "no delay") is no evidence, and listed look-alikes ("no
 * problem", "on time") are none either.
 *
 * <p>The strength is the sum of the weights, at most two matches of each kind counted, so a long letter
 * does not become certain by repeating one word. A complaint is about the customer: the sum counts whole when
 * the text speaks in the first person ("my flight", "we waited", "charged me"), {@value #ADDRESSED} when it
 * only speaks to someone ("@brand", "you", "your"), and {@value #DETACHED} when it does neither ("Team lost
 * again", a headline about a fraud trial). A stated wait counts from an hour up to, not including, a year
 * ("a customer for 20 years" is loyalty, not waiting). Besides the phrases, shapes found in code: what was asked
 * for against what came ({@link Mismatch}), the day due against the day it came ({@link MissedDay}), a
 * quantity far from the one promised ({@link Shortfall}), a sum charged above the one agreed
 * ({@link Overcharge}), something owed and not done "since", a remedy in scare quotes, a mess "left all over"
 * the customer's things, and (lowering the
 * strength) a remedy told as done. Immutable and thread-safe.
 */
final class ComplaintSignals {

    /** Matches of one kind beyond this many add nothing. */
    static final int PER_KIND = 2;
    /** A stated wait of an hour with a cue ("for 2 hours") is waiting evidence; a day or more weighs more. */
    static final double HOUR = 1 / 24.0;
    static final double YEAR = 365;
    /** Strength kept by a text that addresses someone but does not speak of the writer. */
    static final double ADDRESSED = 0.7;
    /** Strength kept by a text that neither speaks of the writer nor to anyone. */
    static final double DETACHED = 0.35;
    static final java.util.Set<String> FIRST_PERSON = Lookups.setOf("i", "i'm", "i've", "i'd", "i'll", "im",
            "ive", "me", "my", "mine", "myself", "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours",
            "ourselves");
    static final java.util.Set<String> SECOND_PERSON = Lookups.setOf("you", "your", "you're", "you've",
            "yours", "yourself", "yourselves", "u", "ur", "ya");
    private static final java.util.Set<String> NONE_OF = Lookups.setOf("issue", "issues", "problem", "problems",
            "trouble", "troubles", "complaints", "hassle", "hiccups", "glitches", "worries");
    private static final java.util.Set<String> NOT_IN_A_LIST = Lookups.setOf("but", "to", "about", "on", "for", "with",
            "from", "regarding", "re", "my", "our", "your", "the", "this", "that", "since", "after", "in", "at", "of",
            "because", "and", "so");
    /** What a writer says they did, first in a sentence without its "I". */
    private static final java.util.Set<String> DID = Lookups.setOf("booked", "ordered", "paid", "bought", "reserved",
            "called", "rang", "phoned", "emailed", "messaged", "waited", "sat", "spent", "tried", "asked", "requested",
            "purchased", "returned", "sent", "contacted", "queued", "stood", "been", "got", "had", "went", "arrived",
            "landed", "checked", "applied", "submitted", "reported", "chased", "visited", "moved", "switched",
            // What was done to the writer, the "I was" left out (2.6): "Quoted £400 ...", "Charged twice ...".
            "quoted", "charged", "overcharged", "billed", "promised", "told", "denied", "refused");
    /** What may follow it: an object, a time, a place ("Booked a", "Waited 3", "Sat on", "Called twice"). */
    private static final java.util.Set<String> DID_NEXT = Lookups.setOf("a", "an", "the", "my", "our", "two", "three",
            "four", "five", "six", "for", "on", "in", "at", "over", "up", "out", "back", "through", "into", "twice",
            "again", "all", "here", "there", "this", "last", "yesterday", "today", "online", "ages", "hours",
            "since", "about", "almost", "nearly", "half", "both", "every", "with", "off");
    /**
     * Share of its strength a problem keeps when a remedy is told as done after it, or before it with the problem
     * as its circumstance ("upgraded us after the mix-up") (2.5).
     */
    static final double RESOLVED = 0.3;
    /** "keeps crashing". */
    static final double KEEPS_DOING = 0.8;
    private static final java.util.Set<String> KEEP_FINE = Lookups.setOf("going", "smiling", "improving", "getting",
            "trying", "coming", "working", "shining", "rocking");

    /**
     * The evidence found and its summed strength; {@code harm} is the part that is neither waiting nor
     * repetition (which severity counts on their own), what went wrong as such.
     */
    record Result(double strength, double harm, List<Finding> evidence, boolean[] benign) {
        static final Result NONE = new Result(0, 0, List.of(), null);

        Result(double strength, double harm, List<Finding> evidence) {
            this(strength, harm, evidence, null);
        }

        /** {@code 1 - exp(-strength)}: 0 with no evidence, about 0.6 for one clear statement, towards 1 with more. */
        double level() {
            return 1 - Math.exp(-strength);
        }

        boolean present() {
            return strength > 0;
        }

        /**
         * Per token, whether it lies in a look-alike that is no problem ("late checkout", "lost weight"); null
         * when there is none. The sentiment rules give such words no negative valence.
         */
        @Override
        public boolean[] benign() {
            return benign;
        }
    }

    private final KeywordTable<ProblemKind> phrases;
    private final Lexicon lexicon;

    ComplaintSignals(KeywordTable<ProblemKind> phrases, Lexicon lexicon) {
        this.phrases = phrases;
        this.lexicon = lexicon;
    }

    static ComplaintSignals load(Lexicon lexicon) {
        return new ComplaintSignals(KeywordTable.load("complaints.tsv", ProblemKind.class, Vocabulary.COMPLAINTS), lexicon);
    }

    PhraseTable<?> phrases() {
        return phrases.phrases();
    }

    Result detect(String text, List<Token> tokens, WaitDuration.Wait wait) {
        List<KeywordTable.Match<ProblemKind>> matches = phrases.scanWithIndex(tokens);
        Finding mismatch = Mismatch.find(text, tokens);
        if (mismatch == null) {
            mismatch = MissedDay.find(text, tokens);
        }
        Finding shortfall = Shortfall.find(text, tokens);
        Finding unmet = unmetSince(text, tokens, wait.evidence());
        Finding overcharge = Overcharge.find(text, tokens);
        Finding quoted = scareQuoted(text, tokens);
        Finding mess = leftAllOver(text, tokens);
        if (mismatch == null) {
            mismatch = quoted;
        }
        if (matches.isEmpty() && mismatch == null && shortfall == null && unmet == null && overcharge == null && mess == null && (wait.days() < HOUR || wait.days() >= YEAR) && !mayKeepDoing(tokens)) {
            return Result.NONE;
        }
        boolean[] benign = benign(tokens, matches);
        boolean[] covered = CoverQuestion.mark(tokens);
        int[] counted = new int[ProblemKind.values().length];
        double strength = 0;
        double harm = 0;
        boolean demandMade = false;
        List<Finding> evidence = new ArrayList<>();
        for (KeywordTable.Match<ProblemKind> m : matches) {
            ProblemKind kind = m.target();
            if (kind == ProblemKind.NOT_A_PROBLEM || covered != null && covered[m.firstToken()] || negated(tokens, m)
                    || noneOf(tokens, m)
                    || counted[kind.ordinal()] >= PER_KIND) {
                continue;
            }
            counted[kind.ordinal()]++;
            // A demand of more than one word is made of someone ("sort it out"); "complaint" alone is a topic.
            demandMade |= kind == ProblemKind.DEMAND && text.lastIndexOf(' ', m.end() - 1) > m.start();
            strength += m.weight();
            harm += kind == ProblemKind.WAITING || kind == ProblemKind.REPEAT ? 0 : m.weight();
            evidence.add(new Finding(kind.rule(), "complaint", text.substring(m.start(), m.end()), m.start(),
                    m.end(), m.weight()));
        }
        for (int i = 0; i + 1 < tokens.size() && counted[ProblemKind.REPEAT.ordinal()] < PER_KIND; i++) {
            if (keepsDoing(tokens, i)) {
                counted[ProblemKind.REPEAT.ordinal()]++;
                strength += KEEPS_DOING;
                Token a = tokens.get(i);
                Token b = tokens.get(i + 1);
                evidence.add(new Finding(ProblemKind.REPEAT.rule(), "complaint", text.substring(a.start(), b.end()),
                        a.start(), b.end(), KEEPS_DOING));
            }
        }
        double shapes = 0;
        if (mismatch != null && counted[ProblemKind.FAILURE.ordinal()] < PER_KIND) {
            counted[ProblemKind.FAILURE.ordinal()]++;
            shapes += mismatch.weight();
            strength += mismatch.weight();
            harm += mismatch.weight();
            evidence.add(mismatch);
        }
        if (mess != null && counted[ProblemKind.LOST_BROKEN.ordinal()] < PER_KIND) {
            counted[ProblemKind.LOST_BROKEN.ordinal()]++;
            strength += mess.weight();
            harm += mess.weight();
            evidence.add(mess);
        }
        if (overcharge != null && counted[ProblemKind.MONEY.ordinal()] < PER_KIND) {
            counted[ProblemKind.MONEY.ordinal()]++;
            shapes += overcharge.weight();
            strength += overcharge.weight();
            harm += overcharge.weight();
            evidence.add(overcharge);
        }
        if (unmet != null && counted[ProblemKind.WAITING.ordinal()] < PER_KIND) {
            counted[ProblemKind.WAITING.ordinal()]++;
            strength += unmet.weight();
            evidence.add(unmet);
        }
        if (shortfall != null && counted[ProblemKind.PROMISE_BROKEN.ordinal()] < PER_KIND) {
            counted[ProblemKind.PROMISE_BROKEN.ordinal()]++;
            shapes += shortfall.weight();
            strength += shortfall.weight();
            harm += shortfall.weight();
            evidence.add(shortfall);
        }
        if (wait.days() >= HOUR && wait.days() < YEAR && wait.evidence() != null) {
            double w = wait.days() >= 1 ? 1.0 : 0.8;
            Finding e = wait.evidence();
            strength += w;
            evidence.add(new Finding(ProblemKind.WAITING.rule(), "complaint", e.text(), e.start(), e.end(), w));
        }
        if (strength == 0) {
            return benign == null ? Result.NONE : new Result(0, 0, List.of(), benign);
        }
        int lastProblem = -1;
        for (Finding f : evidence) {
            lastProblem = Math.max(lastProblem, f.end());
        }
        int remedied = lastProblem < 0 ? -1 : Irony.remedyDone(tokens, tokenAfter(tokens, lastProblem), tokens.size());
        if (remedied < 0 && !evidence.isEmpty()) {
            remedied = remedyBefore(tokens, evidence);
        }
        if (remedied >= 0) {
            // "a drink was missing, support refunded it in minutes": the problem was put right, and the text is
            // about that. It counts a part, so that a remedy told with a new problem still escalates.
            Token r = tokens.get(remedied);
            evidence.add(new Finding("problem:resolved", "complaint", text.substring(r.start(), r.end()), r.start(),
                    r.end(), RESOLVED));
            strength *= RESOLVED;
            harm *= RESOLVED;
            shapes *= RESOLVED;
        }
        double involvement = involvement(tokens);
        if (involvement < ADDRESSED && demandMade) {
            // A demand is made of someone ("Would love an explanation.", "Sort it out."): the text addresses them
            // even when it names no one (2.7).
            involvement = ADDRESSED;
        }
        if (involvement < 1) {
            evidence.add(Finding.untied("problem:involvement", "complaint",
                    involvement == ADDRESSED ? "addressed, not first person" : "neither first nor second person",
                    involvement));
        }
        // What was asked for against what came, a day or a quantity or a sum against the one agreed: the shape of
        // a customer's own transaction, not of news, so it counts whole however the text is put (2.7; "The skip was
        // booked for Monday. It arrived on Thursday." has no "I" and no "you").
        double kept = shapes * (1 - involvement);
        return new Result(strength * involvement + kept, harm * involvement + kept, evidence, benign);
    }

    /**
     * "upgraded us to a suite after the booking mix-up", "rebooked me after the cancellation": a remedy told as
     * done earlier in the sentence whose problem is its circumstance ("after" up to three words before the
     * first problem). The token of the remedy, or -1.
     */
    private static int remedyBefore(List<Token> tokens, List<Finding> evidence) {
        int first = Integer.MAX_VALUE;
        for (Finding f : evidence) {
            if (f.start() >= 0) {
                first = Math.min(first, f.start());
            }
        }
        int p = tokenAfter(tokens, first);
        for (int b = p - 1; b >= 0 && b >= p - 3; b--) {
            Token t = tokens.get(b);
            if (t.endsSentence()) {
                return -1;
            }
            if (t.norm().equals("after")) {
                int sentence = b;
                while (sentence > 0 && !tokens.get(sentence - 1).endsSentence()) {
                    sentence--;
                }
                return Irony.remedyDone(tokens, sentence, b);
            }
        }
        return -1;
    }

    /** Weight of a mess left behind. */
    static final double LEFT_ALL_OVER = 0.9;

    /**
     * "left soot all over the sofa", "left their rubbish all over the drive": what someone left spread over the
     * customer's things (2.7). "left" then "all over" at most four words on, in the sentence; not the writer's own
     * ("I left my papers all over the desk").
     */
    private static Finding leftAllOver(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).norm().equals("left") || i > 0 && FIRST_PERSON.contains(tokens.get(i - 1).norm())) {
                continue;
            }
            for (int k = i + 1; k + 1 < tokens.size() && k <= i + 5 && !tokens.get(k).isPunct(); k++) {
                if (tokens.get(k).norm().equals("all") && tokens.get(k + 1).norm().equals("over")) {
                    Token a = tokens.get(i);
                    Token b = tokens.get(k + 1);
                    return new Finding(ProblemKind.LOST_BROKEN.rule(), "complaint", text.substring(a.start(), b.end()),
                            a.start(), b.end(), LEFT_ALL_OVER);
                }
            }
        }
        return null;
    }

    /** Weight of a remedy put in scare quotes. */
    static final double SCARE_QUOTED = 0.8;
    /** What is claimed done, which quotes doubt: the remedies told as done, and finished work. */
    private static final java.util.Set<String> CLAIMED = Lookups.setOf("serviced", "cleaned", "delivered",
            "completed", "finished", "installed", "working", "mended", "tested", "checked", "inspected");

    /**
     * "Roof 'fixed' in October", "my boiler was \"serviced\"": a remedy or finished work in quotes of its own is
     * the writer doubting that it was done (2.7). Only a single quoted word, so that a quoted status or title
     * ("it says 'order received'") is not read as doubt.
     */
    private static Finding scareQuoted(String text, List<Token> tokens) {
        for (Token t : tokens) {
            int before = t.start() - 1;
            if (before < 0 || t.end() >= text.length() || !quote(text.charAt(before)) || !quote(text.charAt(t.end()))
                    || before > 0 && Character.isLetterOrDigit(text.charAt(before - 1))) {
                continue;
            }
            if (Word.in(t, Word.REMEDIED, Irony.REMEDIED) || CLAIMED.contains(t.norm())) {
                return new Finding(ProblemKind.FAILURE.rule(), "complaint", text.substring(before, t.end() + 1), before,
                        t.end() + 1, SCARE_QUOTED);
            }
        }
        return null;
    }

    private static boolean quote(char c) {
        return c == '\'' || c == '"' || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D';
    }

    /** Weight of something someone else has not done for a stated time ("hasn't replied since Monday"). */
    static final double UNMET_SINCE = 0.9;
    private static final java.util.Set<String> NOT_DONE_SINCE = Lookups.setOf("hasn't", "haven't", "hasnt", "havent");

    /**
     * "the instructor hasn't graded anything since week 2", "you haven't replied since Monday": a negated
     * perfect, then "since" within six words in the sentence, is something owed and not done for a while,
     * whatever the verb. Not the writer's own ("I haven't had any problems since"), nor "been" or "had" after
     * the negation ("hasn't been this good since", "haven't had a problem since"), which compare or count; nor
     * when "since" opens a stated wait ("since Monday"), which counts already.
     */
    private static Finding unmetSince(String text, List<Token> tokens, Finding waited) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).norm().equals("since")) {
                continue;
            }
            if (waited != null && waited.start() <= tokens.get(i).start() && waited.end() > tokens.get(i).start()) {
                // "hasn't recovered since Saturday": the stated wait already counts this time; once is enough.
                return null;
            }
            for (int j = i - 1; j >= 0 && j >= i - 6; j--) {
                Token t = tokens.get(j);
                if (t.endsSentence()) {
                    break;
                }
                int negation = -1;
                if (NOT_DONE_SINCE.contains(t.norm())) {
                    negation = j;
                } else if (t.norm().equals("not") && j > 0
                        && (tokens.get(j - 1).norm().equals("has") || tokens.get(j - 1).norm().equals("have"))) {
                    negation = j - 1;
                }
                if (negation < 0) {
                    continue;
                }
                String next = tokens.get(j + 1).norm();
                boolean own = negation > 0 && FIRST_PERSON.contains(tokens.get(negation - 1).norm());
                if (own || next.equals("been") || next.equals("had")) {
                    return null;
                }
                for (int k = j + 1; k < i; k++) {
                    if (NONE_OF.contains(tokens.get(k).norm())) {
                        return null;
                    }
                }
                Token a = tokens.get(negation);
                Token b = tokens.get(i);
                return new Finding(ProblemKind.WAITING.rule(), "complaint", text.substring(a.start(), b.end()),
                        a.start(), b.end(), UNMET_SINCE);
            }
        }
        return null;
    }

    /** The index of the first token that starts at or after {@code offset}. */
    private static int tokenAfter(List<Token> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() >= offset) {
                return k;
            }
        }
        return tokens.size();
    }

    /** The tokens covered by a look-alike ({@code NOT_A_PROBLEM}), or null when there is none. */
    private static boolean[] benign(List<Token> tokens, List<KeywordTable.Match<ProblemKind>> matches) {
        boolean[] benign = null;
        for (KeywordTable.Match<ProblemKind> m : matches) {
            if (m.target() == ProblemKind.NOT_A_PROBLEM) {
                if (benign == null) {
                    benign = new boolean[tokens.size()];
                }
                for (int k = m.firstToken(); k < tokens.size() && tokens.get(k).start() < m.end(); k++) {
                    benign[k] = true;
                }
            }
        }
        return benign;
    }

    /** 1 for a text in the first person, {@link #ADDRESSED} for one that speaks to someone, else {@link #DETACHED}. */
    static double involvement(List<Token> tokens) {
        // A handle or a salutation first ("@brand ...", "Dear caterers, ...") addresses someone (2.7: "dear").
        boolean addressed = !tokens.isEmpty()
                && (tokens.get(0).kind() == Token.Kind.HANDLE || tokens.get(0).norm().equals("dear"));
        boolean sentenceStart = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (sentenceStart && t.isWord() && subjectDropped(tokens, i)) {
                return 1;
            }
            sentenceStart = t.endsSentence() || (sentenceStart && t.kind() == Token.Kind.HANDLE);
            if (t.isWord()) {
                if (t.word() != null ? t.word().is(Word.FIRST_PERSON) : FIRST_PERSON.contains(t.norm())) {
                    return 1;
                }
                addressed |= t.word() != null ? t.word().is(Word.SECOND_PERSON) : SECOND_PERSON.contains(t.norm());
            }
        }
        return addressed ? ADDRESSED : DETACHED;
    }

    /**
     * A sentence that opens with what the writer did, the "I" left out as in a message: "Booked a room for
     * two, ...", "Waited 3 hours at the desk", "Called twice". Not a passive ("Ordered to pay", "Paid by
     * the council") nor a participle before its noun ("Cancelled flights ...").
     */
    private static boolean subjectDropped(List<Token> tokens, int i) {
        if (!DID.contains(tokens.get(i).norm()) || i + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(i + 1);
        return next.kind() == Token.Kind.NUMBER || DID_NEXT.contains(next.norm());
    }

    private static boolean mayKeepDoing(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.norm().startsWith("kep") || t.norm().startsWith("keep")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "keeps crashing", "kept asking": something that happens over and over. Not "keep going", "keep smiling",
     * and not a phrase the table already read.
     */
    private static boolean keepsDoing(List<Token> tokens, int i) {
        String keep = tokens.get(i).norm();
        String next = tokens.get(i + 1).norm();
        return (keep.equals("keeps") || keep.equals("kept") || keep.equals("keep")) && next.length() > 5
                && next.endsWith("ing") && !KEEP_FINE.contains(next);
    }

    /**
     * "no reception or battery issues", "no wifi problems at all": a "no" whose scope ends in "issues" or
     * "problems" says there were none. The scope is a list of nouns: "no response to my issue" is a complaint.
     */
    private static boolean noneOf(List<Token> tokens, KeywordTable.Match<ProblemKind> m) {
        int first = m.firstToken();
        if (!tokens.get(first).norm().equals("no")) {
            return false;
        }
        for (int j = first + 1; j < tokens.size() && j <= first + 5; j++) {
            Token t = tokens.get(j);
            if (t.endsSentence() || t.norm().equals(",") || NOT_IN_A_LIST.contains(t.norm())) {
                return false;
            }
            if (NONE_OF.contains(t.norm())) {
                return true;
            }
        }
        return false;
    }

    /** A negation up to two words before the match, in its clause, unless the phrase itself starts with one. */
    private boolean negated(List<Token> tokens, KeywordTable.Match<ProblemKind> m) {
        int first = m.firstToken();
        if (lexicon.isNegation(tokens.get(first)) || tokens.get(first).norm().equals("no")) {
            return false;
        }
        for (int j = first - 1; j >= Math.max(0, first - 2); j--) {
            Token t = tokens.get(j);
            if (t.isPunct()) {
                return false;
            }
            if (lexicon.isNegation(t)) {
                return true;
            }
        }
        return false;
    }
}
