package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;

/** The mutable state of one {@link SentimentScorer} run over one text; never shared. */
final class SentimentPass {

    /** A positive word read as sarcasm counts this share of its valence, negated. */
    static final double SARCASM_SCALAR = 0.8;
    /** The upside-down face. */
    static final String IRONY_FACE = "\uD83D\uDE43";
    private static final java.util.Set<String> SARCASM_TAGS = Lookups.setOf("sarcasm", "sarcastic", "irony", "not");

    /** A scored word or phrase; {@code sarcasmValue} is NaN unless it is a sarcasm frame. */
    private static final class Hit {
        final int start;
        final int end;
        final String rule;
        final double sarcasmValue;
        final int firstToken;
        final int lastToken;
        final boolean emphasised;
        double value;
        double weight = 1;

        Hit(int firstToken, int lastToken, int start, int end, String rule, double value, double sarcasmValue,
                boolean emphasised) {
            this.emphasised = emphasised;
            this.firstToken = firstToken;
            this.lastToken = lastToken;
            this.start = start;
            this.end = end;
            this.rule = rule;
            this.value = value;
            this.sarcasmValue = sarcasmValue;
        }
    }

    private final String text;
    private final List<Token> tokens;
    private final boolean mixedCase;
    private final boolean problem;
    private final boolean[] names;
    private final boolean[] benign;
    private final List<Hit> hits = new ArrayList<>();
    private final List<Finding> evidence = new ArrayList<>();
    private int sentenceFirstHit;
    private int contrastHit = -1;
    /** The first hit of a concessive clause in this sentence ("although ..."), or -1; its end, or -1 while open. */
    private int concessiveFrom = -1;
    private int concessiveTo = -1;
    /** The first token of a question about cover that ends this sentence, or -1. */
    private int coveredFrom = -1;
    private int exclamations;
    private Token firstExclamation;
    private boolean capsEmphasis;
    private boolean sarcasm;

    SentimentPass(String text, List<Token> tokens, boolean mixedCase, boolean problem, boolean[] names, boolean[] benign) {
        this.benign = benign;
        this.text = text;
        this.tokens = tokens;
        this.mixedCase = mixedCase;
        this.problem = problem;
        this.names = names;
    }

    /** Whether the text states a problem ({@link ComplaintSignals}). */
    boolean problem() {
        return problem;
    }

    /** Whether the token is part of a proper name ({@link ProperNames}). */
    boolean inName(int token) {
        return names != null && names[token];
    }

    /** Courtesy in a text that states a problem: recorded, not counted. */
    void courtesy(int firstToken, int lastToken) {
        int start = tokens.get(firstToken).start();
        int end = tokens.get(lastToken).end();
        evidence.add(new Finding("courtesy", "sentiment", span(start, end), start, end, 0));
    }

    String text() {
        return text;
    }

    boolean mixedCase() {
        return mixedCase;
    }

    void punctuation(Token t, int i) {
        if (t.norm().equals("!")) {
            if (exclamations++ == 0) {
                firstExclamation = t;
            }
        }
        if (concessiveFrom >= 0 && concessiveTo < 0 && (t.norm().equals(",") || t.norm().equals(";"))) {
            concessiveTo = hits.size();
        }
        if (t.norm().equals("?")) {
            coveredFrom = CoverQuestion.from(tokens, i);
        }
        if (t.endsSentence()) {
            endSentence();
        }
    }


    /**
     * "Although the staff were lovely, the order never came", "they fined me even though I had paid": what a
     * concessive clause grants weighs as the words before a contrast, and the main clause after it as the words
     * after one (2.7); in a text that states a problem, praise granted there counts nothing. The clause runs to
     * the next comma or semicolon, or to the end of the sentence.
     */
    void concessive(Token t) {
        if (concessiveFrom < 0) {
            concessiveFrom = hits.size();
            evidence.add(new Finding("concessive:" + t.norm(), "sentiment", span(t.start(), t.end()), t.start(), t.end(),
                    SentimentScorer.BEFORE_CONTRAST));
        }
    }

    void contrast(Token t) {
        if (contrastHit < 0) {
            contrastHit = hits.size();
            evidence.add(new Finding("contrast:" + t.norm(), "sentiment", span(t.start(), t.end()), t.start(), t.end(),
                    SentimentScorer.AFTER_CONTRAST));
        }
    }

    void negation(Token t, double result) {
        evidence.add(new Finding("negation", "sentiment", span(t.start(), t.end()), t.start(), t.end(), result));
    }

    void hit(int firstToken, int lastToken, double value, String rule, double sarcasmValue, boolean caps) {
        if (value < 0 && benign(firstToken, lastToken)) {
            return;
        }
        int start = tokens.get(firstToken).start();
        int end = tokens.get(lastToken).end();
        value = absorbPositiveIntensifier(firstToken, value);
        boolean emphasised = caps || tokens.get(firstToken).elongated();
        hits.add(new Hit(firstToken, lastToken, start, end, rule, value, sarcasmValue, emphasised));
        if (caps) {
            capsEmphasis = true;
            evidence.add(new Finding("caps", "sentiment", span(start, end), start, end, SentimentScorer.CAPS_INCREMENT));
        }
        sarcasm |= rule.equals("sarcasm");
    }

    /** Whether every token from {@code first} to {@code last} lies in a look-alike that is no problem. */
    private boolean benign(int first, int last) {
        if (benign == null) {
            return false;
        }
        for (int k = first; k <= last; k++) {
            if (!benign[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A positive word right before a negative one intensifies it rather than balancing it: "a great
     * disappointment", "wonderfully terrible". The positive hit is dropped and the negative one boosted.
     */
    private double absorbPositiveIntensifier(int firstToken, double value) {
        if (value >= 0 || hits.isEmpty()) {
            return value;
        }
        Hit previous = hits.get(hits.size() - 1);
        if (previous.lastToken != firstToken - 1 || previous.value <= 0 || previous.firstToken != previous.lastToken
                || !previous.rule.equals("lexicon")) {
            return value;
        }
        hits.remove(hits.size() - 1);
        return value - SentimentScorer.INTENSIFIER_INCREMENT;
    }

    SentimentScorer.Result finish() {
        endSentence();
        applySarcasmFrames();
        double sum = 0;
        for (Hit h : hits) {
            double weighted = h.value * h.weight;
            sum += weighted;
            evidence.add(new Finding(h.rule, "sentiment", span(h.start, h.end), h.start, h.end, weighted));
        }
        sum = addExclamations(sum);
        double score = sum / Math.sqrt(sum * sum + SentimentScorer.NORMALISATION_ALPHA);
        return new SentimentScorer.Result(Math.max(-1, Math.min(1, score)), capsEmphasis || shouting(), exclamations,
                sarcasm, evidence);
    }

    private void endSentence() {
        if (contrastHit >= 0) {
            for (int h = sentenceFirstHit; h < hits.size(); h++) {
                hits.get(h).weight = h < contrastHit ? SentimentScorer.BEFORE_CONTRAST : SentimentScorer.AFTER_CONTRAST;
            }
        }
        if (concessiveFrom >= 0) {
            int to = concessiveTo < 0 ? hits.size() : concessiveTo;
            for (int h = concessiveFrom; h < hits.size(); h++) {
                if (h < to) {
                    // In a text that states a problem, praise granted in the clause is conceded, not meant.
                    hits.get(h).weight *= problem && hits.get(h).value > 0 ? 0 : SentimentScorer.BEFORE_CONTRAST;
                } else if (contrastHit < 0) {
                    hits.get(h).weight = SentimentScorer.AFTER_CONTRAST;
                }
            }
        }
        if (coveredFrom >= 0) {
            for (int h = sentenceFirstHit; h < hits.size(); h++) {
                if (hits.get(h).value < 0 && hits.get(h).firstToken >= coveredFrom) {
                    hits.get(h).weight = 0;
                }
            }
        }
        coveredFrom = -1;
        sentenceFirstHit = hits.size();
        contrastHit = -1;
        concessiveFrom = -1;
        concessiveTo = -1;
    }

    /**
     * A positive frame ("oh great") is sarcasm when something else in the text is negative or a problem is
     * stated; so is a positive word in capitals or drawn out ("GENIUS", "greaaat") in a text that states a
     * problem; and every positive word in a text marked {@code #sarcasm}. A frame after a remedy told as done
     * ("missing a drink, but they refunded it at once. Great service") praises the remedy (2.5).
     */
    private void applySarcasmFrames() {
        boolean marked = sarcasmMarked();
        boolean negativeElsewhere = problem;
        for (Hit h : hits) {
            // A negated action with no problem stated ("not a leaf left on the lawn") is too weak a sign of
            // complaint to turn praise into sarcasm (2.7).
            negativeElsewhere |= Double.isNaN(h.sarcasmValue) && h.value < 0 && !h.rule.equals("negation");
        }
        if (!negativeElsewhere && !marked) {
            return;
        }
        for (Hit h : hits) {
            double flipped = Double.NaN;
            if (!Double.isNaN(h.sarcasmValue) && !thanksForARemedy(h) && Irony.remedyDone(tokens, 0, h.firstToken) < 0) {
                flipped = h.sarcasmValue;
            } else if (h.value > 0 && (marked || problem && (h.emphasised || openingVerdict(h)))) {
                flipped = -h.value * SARCASM_SCALAR;
            }
            if (!Double.isNaN(flipped)) {
                h.value = flipped;
                sarcasm = true;
                evidence.add(new Finding("sarcasm", "sentiment", span(h.start, h.end), h.start, h.end, flipped));
            }
        }
    }

    /**
     * "Great, the e-book I bought has vanished", "Perfect, locked out again": a lone word of praise that opens a
     * text stating a problem, set off by a comma, is the tone of the complaint (2.7); not when a remedy is told
     * as done anywhere ("Great, they refunded it"), and not a word of assent ("True, ...", "Sure, ...").
     */
    private static final java.util.Set<String> OPENING_PRAISE = Lookups.setOf("great", "brilliant", "perfect",
            "fantastic", "lovely", "wonderful", "excellent", "awesome", "amazing", "superb", "terrific", "marvellous",
            "marvelous", "fab", "splendid");

    private boolean openingVerdict(Hit h) {
        int first = 0;
        while (first < tokens.size() && tokens.get(first).kind() == Token.Kind.HANDLE) {
            first++;
        }
        if (h.firstToken != first || h.lastToken != first || first + 1 >= tokens.size() || !h.rule.equals("lexicon")) {
            return false;
        }
        return tokens.get(first + 1).norm().equals(",") && OPENING_PRAISE.contains(tokens.get(first).norm())
                && Irony.remedyDone(tokens, 0, tokens.size()) < 0;
    }

    /**
     * "thanks for sorting it", "thank you for the refund": a frame of thanks whose object is a remedy is meant,
     * whatever else the text complains of.
     */
    private boolean thanksForARemedy(Hit h) {
        if (!tokens.get(h.firstToken).norm().startsWith("thank")) {
            return false;
        }
        for (int k = h.lastToken + 1; k < tokens.size() && k <= h.lastToken + 2 && !tokens.get(k).endsSentence(); k++) {
            if (Irony.remedyAct(tokens.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hashtag that says the text means the opposite: #sarcasm, #sarcastic, #irony, #not; or the upside-down
     * face 🙃, whose common use is to mark what was just said as ironic ("5 stars for the soggy chips 🙃"), unless
     * glad emoji stand beside it.
     */
    private boolean sarcasmMarked() {
        for (Token t : tokens) {
            if (t.hashtag() && SARCASM_TAGS.contains(t.norm()) || t.norm().equals(IRONY_FACE) && !gladFaces()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Another emoji of praise in the text ("😃😃🙃", "🙃 ... 👌"): the upside-down face is then playful, not
     * irony.
     */
    private boolean gladFaces() {
        for (Hit h : hits) {
            if (h.value > 0 && h.firstToken == h.lastToken && tokens.get(h.firstToken).kind() == Token.Kind.SYMBOL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each "!" adds in the direction of the sum, but never towards praise in a text that states a problem:
     * there the marks are anger, whatever sign the words found.
     */
    private double addExclamations(double sum) {
        if (exclamations == 0 || sum == 0 || (problem && sum > 0)) {
            return sum;
        }
        double extra = Math.signum(sum) * Math.min(exclamations, SentimentScorer.MAX_EXCLAMATIONS)
                * SentimentScorer.EXCLAMATION_INCREMENT;
        evidence.add(new Finding("exclamation", "sentiment", "!", firstExclamation.start(), firstExclamation.end(), extra));
        return sum + extra;
    }

    /** A whole message in capitals (three words or more) is shouting, even though it is not "mixed case". */
    private boolean shouting() {
        int words = 0;
        for (Token t : tokens) {
            if (t.isWord()) {
                if (!t.allCaps()) {
                    return false;
                }
                words++;
            }
        }
        return words >= 3;
    }

    private String span(int start, int end) {
        return text.substring(start, end);
    }
}
