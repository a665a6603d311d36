package dev.heed.routing.classify;

/** One classifier for all tests: it is immutable, and loading the word lists once keeps the suite fast. */
final class SharedClassifier {

    static final FeedbackClassifier CLASSIFIER = FeedbackClassifier.loadDefault();

    private SharedClassifier() {
    }

    static Classification classify(String text) {
        return CLASSIFIER.classify(ClassifierInput.ofText(text));
    }
}
