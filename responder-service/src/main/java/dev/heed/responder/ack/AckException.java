package dev.heed.responder.ack;

/** Why an acknowledgement (or an update) was refused; the HTTP layer maps each reason to its status. */
public class AckException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reasons an acknowledgement can fail. */
    public enum Reason {
        /** No escalation or state row names this complaint. */
        UNKNOWN_COMPLAINT,
        /** An agent token tried to acknowledge in another agent's name. */
        FORBIDDEN,
        /** A team token without the agent's name. */
        AGENT_REQUIRED,
        /** An update for a complaint nobody has acknowledged yet: acknowledge it first. */
        NOT_ACKNOWLEDGED,
        /** A resolution of a complaint that is resolved already (and not reopened since). */
        ALREADY_RESOLVED,
        /** A reopening of a complaint that is not resolved. */
        NOT_RESOLVED,
        /** Kafka did not take the write in time; the client may retry. */
        UNAVAILABLE
    }

    private final Reason reason;

    public AckException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
