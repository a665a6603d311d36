package dev.heed.routing.classify;

/** One category with the classifier's confidence in [0, 1]. */
public record CategoryScore(Category category, double confidence) {}
