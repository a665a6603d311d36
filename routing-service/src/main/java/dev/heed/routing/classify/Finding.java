package dev.heed.routing.classify;

/**
 * One reason behind a decision.
 *
 * @param rule     the rule that fired, e.g. {@code "lexicon"}, {@code "phrase:charged twice"}, {@code "negation"},
 *                 {@code "contrast:but"}, {@code "caps"}, {@code "exclamation"}, {@code "rating"},
 *                 {@code "wait-duration"}, {@code "repeat-contact"}, {@code "sarcasm"}, {@code "language"},
 *                 {@code "empty"}
 * @param decision what it drove: {@code "sentiment"}, {@code "category:BILLING"}, {@code "intent:REFUND_REQUEST"},
 *                 {@code "severity"}, {@code "triage"}
 * @param text     the matched words as written, or a short description when not tied to text
 * @param start    start of the span in the input text, or -1 when not tied to text
 * @param end      end of the span (exclusive), or -1
 * @param weight   the contribution: a valence for sentiment, a keyword weight, severity points
 */
public record Finding(String rule, String decision, String text, int start, int end, double weight) {

    /** A finding not tied to a span of the text (a rating, a whole-text property). */
    public static Finding untied(String rule, String decision, String text, double weight) {
        return new Finding(rule, decision, text, -1, -1, weight);
    }
}
