package dev.heed.routing.classify;

/**
 * One reason behind a decision.
 *
 * @param rule     the rule that fired, e.g. {@code lexicon}, {@code phrase:charged twice}, {@code negation}, {@code rating}
 * @param decision what it drove, e.g. {@code sentiment}, {@code category:BILLING}, {@code intent:REFUND_REQUEST}, {@code severity}, {@code triage}
 * @param text     the words it fired on, or null when not tied to the text
 * @param start    start of the words in the input text, -1 when not tied to the text
 * @param end      end (exclusive) of the words, -1 when not tied to the text
 * @param weight   signed contribution (valence or points)
 */
public record Evidence(String rule, String decision, String text, int start, int end, double weight) {}
