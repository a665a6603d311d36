package dev.heed.schemas.evidence;

import dev.heed.events.Evidence;

/**
 * Where an {@link Evidence}'s words are, since {@code FeedbackClassified} version 4: a classified feedback already
 * carries the feedback text, so an evidence whose words are exactly that text's {@code [start, end)} leaves its own
 * {@code text} out (null), and a reader takes the words from the feedback text. An evidence not tied to the text
 * ({@code start} -1), or whose span does not hold its words, keeps them. Writers and readers share this class so
 * both apply the same rule.
 */
public final class EvidenceWords {

    private EvidenceWords() {
    }

    /** Whether a writer may leave {@code words} out: they are exactly {@code feedbackText}'s {@code [start, end)}. */
    public static boolean inText(String feedbackText, String words, int start, int end) {
        return words != null && start >= 0 && end > start && end <= feedbackText.length() && words.length() == end - start
                && feedbackText.startsWith(words, start);
    }

    /**
     * The words of one evidence of a classified feedback whose text is {@code feedbackText}: its own text, else the
     * span of the feedback text it points at, else null (a record before version 4 that had none: not tied to the text).
     */
    public static String of(String feedbackText, Evidence evidence) {
        if (evidence.getText() != null) {
            return evidence.getText();
        }
        int start = evidence.getStart();
        int end = evidence.getEnd();
        return start >= 0 && end > start && end <= feedbackText.length() ? feedbackText.substring(start, end) : null;
    }
}
