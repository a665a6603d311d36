package dev.heed.responder.delivery;

/**
 * The input record a message answers: its position ({@code topic:partition:offset}), which names the message's
 * trigger, and how to copy that record to the dead-letter topic when its message finally fails.
 */
public record Trigger(String position, DeadLetter deadLetter) {
    /** Writes the trigger to the dead-letter topic before returning, or throws. */
    @FunctionalInterface
    public interface DeadLetter {
        void write(String reason, String error, String messageId);
    }
}
