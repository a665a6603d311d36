package dev.heed.routing.classify;

/** One classifier for all tests: it is immutable, and loading the word lists once keeps the suite fast. */
final class SharedClassifier {

    static final FeedbackClassifier CLASSIFIER = FeedbackClassifier.loadDefault();

    private SharedClassifier() {
    }

    static Verdict classify(String text) {
        return CLASSIFIER.classify(ClassifierInput.ofText(text));
    }

    /** The rules' own score, before the model weighs it. */
    static double rulesScore(String text) {
        return CLASSIFIER.rules(text).score();
    }

    /** The polarity of the rules' own score, with the classifier's old thresholds (±0.05). */
    static SentimentLabel rulesPolarity(String text) {
        double s = rulesScore(text);
        return s >= 0.05 ? SentimentLabel.POSITIVE : s <= -0.05 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
}
