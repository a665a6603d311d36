package dev.heed.routing.classify;

/** Overall polarity of a piece of feedback. */
public enum Sentiment { NEGATIVE, NEUTRAL, POSITIVE }
