package dev.heed.routing.classify;

/**
 * What the trained model reads of one text: its hashed features and the rules' dense scores (named by
 * {@link FeedbackClassifier#DENSE_FEATURES}). Exposed for the training tool, which must see exactly what
 * the classifier sees.
 *
 * @param features hashed word, word-pair and character n-gram buckets
 * @param dense    the rules' scores, in {@link FeedbackClassifier#DENSE_FEATURES} order
 * @param tokens   how many tokens the text has
 */
public record ModelInput(HashedFeatures.Buffer features, double[] dense, int tokens) {
}
