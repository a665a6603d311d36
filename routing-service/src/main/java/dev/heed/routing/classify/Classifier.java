package dev.heed.routing.classify;

/** Classifies one piece of feedback. Implementations are immutable and safe to share between threads. */
public interface Classifier {

    Verdict classify(ClassifierInput input);
}
