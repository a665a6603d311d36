package dev.heed.routing.classify;

/**
 * What the classifier reads.
 *
 * @param text     the customer's words; {@code null} is treated as empty
 * @param rating   a star rating 1..5, or {@code null} when the channel has none
 * @param channel  where the feedback came from, or {@code null}; informational only
 * @param language the language the sender declared (e.g. "en"), or {@code null}; a hint, the text is checked anyway
 */
public record ClassifierInput(String text, Integer rating, String channel, String language) {

    public ClassifierInput {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("rating must be 1..5 or null, was " + rating);
        }
        text = text == null ? "" : text;
    }

    /** Text only: no rating, channel or declared language. */
    public static ClassifierInput ofText(String text) {
        return new ClassifierInput(text, null, null, null);
    }
}
