package dev.heed.routing.classify;

import java.util.List;

/**
 * A rules-and-lexicon sentiment scorer in the spirit of VADER (Hutto and Gilbert, 2014), written for Heed.
 * For every word or phrase with a valence (phrases first, longest match):
 * <ol>
 *   <li>boosters and dampeners up to three words before it add to or take from its magnitude, less with
 *       distance;</li>
 *   <li>a negation up to three words before it, in the same clause, flips it (damped, see {@link Valence});
 *       "at all" after a negated word strengthens the flip;</li>
 *   <li>an ALL-CAPS word in mixed-case text gains 0.733 in magnitude;</li>
 *   <li>in a sentence with a contrast word ("but", "however"), words before it weigh 0.5 and after it 1.5;
 *       in a concessive clause ("although", "though", "despite") up to its comma, 0.5, and after it 1.5.</li>
 * </ol>
 * Sarcasm frames ("oh great", "love being on hold") count negative when the text also carries negative
 * sentiment or states a problem; sarcasm phrases ("thanks for nothing") always do, and so does every positive
 * word in a text marked {@code #sarcasm} (or {@code #not}, {@code #irony}). In a text that states a problem,
 * courtesy ("thanks", "appreciate") is politeness, not praise, and a positive word written in capitals or
 * drawn out ("GENIUS", "greaaat") is sarcasm. Words of a proper name ("Fair Credit Reporting Act", "Best
 * Buy") carry no sentiment. Each "!" (up to four) adds 0.292 in the direction of the sum.
 * The sum {@code s} is normalised to {@code s / sqrt(s² + 15)} in [-1, 1]. Immutable and thread-safe.
 */
final class SentimentScorer {

    static final double CAPS_INCREMENT = 0.733;
    static final double EXCLAMATION_INCREMENT = 0.292;
    static final int MAX_EXCLAMATIONS = 4;
    static final double NORMALISATION_ALPHA = 15;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    static final double AT_ALL = 1.25;
    static final int SCOPE = 3;
    static final double INTENSIFIER_INCREMENT = 0.293;
    static final double NEGATED_ACTION = -0.6;
    /** Words that open a concessive clause (2.7); "even though" is "though". Not "while", which tells time too. */
    static final java.util.Set<String> CONCESSIVE = Lookups.setOf("although", "though", "despite", "albeit", "whilst");

    /** The outcome: normalised score, emphasis signals and evidence. */
    record Result(double score, boolean capsEmphasis, int exclamations, boolean sarcasm, List<Finding> evidence) {
    }

    private final Lexicon lexicon;
    private final NegationScope negation;

    SentimentScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.negation = new NegationScope(lexicon);
    }

    /** Scores a text; {@code problem} says whether it states a problem (see {@link ComplaintSignals}). */
    Result score(String text, List<Token> tokens, boolean problem) {
        return score(text, tokens, problem, null);
    }

    /**
     * Scores a text; {@code benign} marks the tokens of look-alikes that are no problem ("late checkout", "lost
     * weight": {@link ComplaintSignals.Result#benign()}, may be null), whose words count no negative valence.
     */
    Result score(String text, List<Token> tokens, boolean problem, boolean[] benign) {
        SentimentPass pass = new SentimentPass(text, tokens, mixedCase(tokens), problem, ProperNames.of(tokens), benign);
        for (int i = 0; i < tokens.size(); i++) {
            i = step(pass, tokens, i);
        }
        return pass.finish();
    }

    /** Scores the token at {@code i}; returns the index of the last token consumed. */
    private int step(SentimentPass pass, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.isPunct()) {
            pass.punctuation(t, i);
            return i;
        }
        PhraseTable.Entry<Valence> phrase = lexicon.phraseAt(tokens, i);
        if (phrase != null) {
            int last = i + phrase.length() - 1;
            String rule = phrase.value().rule().startsWith("phrase:") ? "phrase:" + phrase.term() : phrase.value().rule();
            hit(pass, tokens, phrase.value(), i, last, rule);
            return last;
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return ratingMention(pass, tokens, i);
        }
        Lexicon.Term term = lexicon.term(t);
        if (term == null && !t.norm().equals("from")) {
            if (CONCESSIVE.contains(t.norm())) {
                pass.concessive(t);
            }
            return i;
        }
        if (term != null && term.contrast()) {
            pass.contrast(t);
        } else if (negation.isNegationAt(tokens, i)) {
            if (!negation.raisedAt(tokens, i)) {
                negatedAction(pass, tokens, i);
            }
        } else if (term != null && !term.modifier() && term.valence() != null && !pass.inName(i)) {
            hit(pass, tokens, term.valence(), i, i, term.valence().rule());
        }
        return i;
    }

    private void hit(SentimentPass pass, List<Token> tokens, Valence valence, int first, int last, String rule) {
        double v = valence.value();
        if (v == 0 && valence.whenNegated() == 0) {
            return;
        }
        boolean caps = pass.mixedCase() && anyCaps(tokens, first, last);
        if (valence.isCourtesy() && pass.problem()) {
            pass.courtesy(first, last);
            return;
        }
        if (!valence.negatable()) {
            pass.hit(first, last, v, rule, valence.isSarcasmFrame() ? valence.whenNegated() : Double.NaN, caps);
            return;
        }
        double magnitude = boosterScalar(tokens, first) + (caps ? CAPS_INCREMENT : 0);
        double value = v + Math.signum(v) * magnitude;
        int negator = negation.governing(tokens, first);
        if (negator >= 0) {
            value = v == 0 ? valence.whenNegated() : value * (valence.whenNegated() / v);
            if (followedByAtAll(tokens, last)) {
                value *= AT_ALL;
            }
            pass.negation(tokens.get(negator), value);
        }
        if (value == 0) {
            return;
        }
        pass.hit(first, last, value, rule, Double.NaN, caps);
    }

    private int ratingMention(SentimentPass pass, List<Token> tokens, int i) {
        RatingMention.Match m = RatingMention.at(pass.text(), tokens, i);
        if (m == null) {
            return i;
        }
        pass.hit(i, m.last(), m.valence(), "rating-in-text", Double.NaN, false);
        return m.last();
    }

    /**
     * A negation with no sentiment word in its scope negates an action ("doesn't respond", "no YouTube",
     * "can't use it"): in feedback that is a mild complaint.
     */
    private void negatedAction(SentimentPass pass, List<Token> tokens, int i) {
        int seen = 0;
        for (int j = i + 1; j < tokens.size() && seen < SCOPE; j++) {
            Token t = tokens.get(j);
            if (t.isPunct() || lexicon.isContrast(t) || lexicon.isNegation(t)) {
                break;
            }
            Lexicon.Term term = lexicon.term(t);
            Valence v = term == null ? null : term.valence();
            if ((v != null && (v.value() != 0 || v.whenNegated() != 0)) || lexicon.phraseAt(tokens, j) != null) {
                return;
            }
            seen++;
        }
        if (seen > 0) {
            pass.hit(i, i, NEGATED_ACTION, "negation", Double.NaN, false);
        }
    }

    private double boosterScalar(List<Token> tokens, int first) {
        double sum = 0;
        int seen = 0;
        for (int j = first - 1; j >= 0 && seen < SCOPE; j--) {
            Token t = tokens.get(j);
            if (t.isPunct()) {
                break;
            }
            Lexicon.Term term = lexicon.term(t);
            double b = term == null ? 0 : term.booster();
            sum += b * (1 - 0.05 * seen);
            seen++;
        }
        return sum;
    }

    private static boolean followedByAtAll(List<Token> tokens, int last) {
        return last + 2 < tokens.size()
                && tokens.get(last + 1).norm().equals("at") && tokens.get(last + 2).norm().equals("all");
    }

    private static boolean anyCaps(List<Token> tokens, int first, int last) {
        for (int j = first; j <= last; j++) {
            if (tokens.get(j).allCaps()) {
                return true;
            }
        }
        return false;
    }

    /** VADER's rule: capitals are emphasis only when the text is not written entirely in capitals. */
    private static boolean mixedCase(List<Token> tokens) {
        boolean caps = false;
        boolean lower = false;
        for (Token t : tokens) {
            if (t.isWord()) {
                caps |= t.allCaps();
                lower |= !t.allCaps();
            }
        }
        return caps && lower;
    }
}
