package dev.heed.classifier.tools;

/**
 * One training example: the hashed buckets and dense values the classifier's model reads, the true class
 * (0 negative, 1 neutral, 2 positive) and the example's weight in the loss.
 */
record Example(int[] buckets, double[] dense, int label, double weight) {
}
