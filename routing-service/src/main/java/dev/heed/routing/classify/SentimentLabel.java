package dev.heed.routing.classify;

/** Overall polarity of a piece of feedback. */
public enum SentimentLabel { NEGATIVE, NEUTRAL, POSITIVE }
