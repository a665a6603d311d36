package dev.heed.routing.classify;

/**
 * What the classifier judges: the text, plus the optional star rating (1-5), channel and the language
 * the source claims. Nullable fields are simply absent.
 */
public record ClassifierInput(String text, Integer rating, String channel, String language) {
    public static ClassifierInput ofText(String text) {
        return new ClassifierInput(text, null, null, null);
    }
}
