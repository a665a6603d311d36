package dev.heed.routing.classify;

/** Judges one feedback. Implementations are immutable and thread-safe. */
public interface Classifier {
    Classification classify(ClassifierInput input);
}
