package dev.heed.routing.classify;

/** Overall tone of a feedback text. */
public enum Sentiment { NEGATIVE, NEUTRAL, POSITIVE }
