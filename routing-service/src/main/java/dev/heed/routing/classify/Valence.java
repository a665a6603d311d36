package dev.heed.routing.classify;

/**
 * The sentiment a word or phrase carries.
 *
 * @param term        the word or phrase as listed
 * @param value       valence on VADER's scale, -4..4
 * @param whenNegated valence when a negation governs it; for most words {@code value * -0.74} (VADER's
 *                    damped flip), but expectation words such as "work" or "worth" are neutral alone and
 *                    clearly negative negated ("doesn't work")
 * @param rule        evidence rule name: {@code "lexicon"}, {@code "phrase:<term>"}, {@code "sarcasm"},
 *                    {@code "sarcasm-frame"} (positive words that turn negative in a complaint: "oh great") or
 *                    {@code "courtesy"} (thanks that are praise only when no problem is stated)
 */
record Valence(String term, double value, double whenNegated, String rule) {

    static final double NEGATION_SCALAR = -0.74;
    /** Negated negatives are only mildly positive ("not terrible" is not "good"); VADER flips both alike. */
    static final double NEGATED_NEGATIVE_SCALAR = -0.3;

    static Valence of(String term, double value, String rule) {
        return new Valence(term, value, negated(value), rule);
    }

    static double negated(double value) {
        return value * (value < 0 ? NEGATED_NEGATIVE_SCALAR : NEGATION_SCALAR);
    }

    boolean isCourtesy() {
        return rule.equals("courtesy");
    }

    boolean isSarcasmFrame() {
        return rule.equals("sarcasm-frame");
    }

    boolean negatable() {
        return !rule.startsWith("sarcasm");
    }
}
