package dev.heed.classifier.tools;

/** One row of an evaluation file: {@code id, label, category, rating, text}. {@code rating} may be null. */
public record LabelledRow(String id, String label, String category, Integer rating, String text) {
}
