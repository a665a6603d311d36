package dev.heed.classifier.tools;

/**
 * The classifier's verdict on one labelled row, as {@code --rows} writes it.
 *
 * @param id          the row's id
 * @param label       the true label
 * @param verdict     the predicted label (two-class files: by the sign of the score)
 * @param escalate    whether the classifier escalated it
 * @param score       the sentiment score in [-1, 1]
 * @param confidence  the probability that the escalation decision is right
 * @param category    the top category
 * @param topEvidence the strongest reasons, {@code rule "words" weight} joined by {@code "; "}
 */
public record RowResult(String id, String label, String verdict, boolean escalate, double score, double confidence,
        String category, String topEvidence) {
}
