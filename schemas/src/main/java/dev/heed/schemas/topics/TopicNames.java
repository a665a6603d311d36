package dev.heed.schemas.topics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that names Heed's topics. Every topic but {@link #PROBLEMS_UPDATED} is keyed by the feedback id (a
 * string), so one complaint's events share a partition number everywhere. Dead-letter topics hold the raw bytes of records
 * a service could not read, with headers naming the error, topic, partition and offset.
 */
public final class TopicNames {
    public static final String FEEDBACK_RECEIVED = "feedback.received";
    public static final String FEEDBACK_CLASSIFIED = "feedback.classified";
    public static final String COMPLAINTS_ESCALATED = "complaints.escalated";
    public static final String COMPLAINTS_RESPONSE_DUE = "complaints.response-due";
    public static final String COMPLAINTS_ACKNOWLEDGED = "complaints.acknowledged";
    /** Updates an agent gave the customer on an acknowledged complaint; they keep, replace and make promises. */
    public static final String COMPLAINTS_UPDATED = "complaints.updated";
    /** Agents' actions on a known problem (link, unlink, resolve); keyed by the problem id, not a feedback id. */
    public static final String PROBLEMS_UPDATED = "problems.updated";
    /**
     * A problem's resolution on its way to one linked complaint (written by routing, keyed by the complaint id); routing
     * applies it to the complaint when it is still open and only then passes it on to {@link #COMPLAINTS_UPDATED}.
     */
    public static final String PROBLEMS_FIXES = "problems.fixes";
    /**
     * How the update id of a problem fix starts ({@code fix:<problem id>:<complaint id>}): routing writes those to
     * {@link #COMPLAINTS_UPDATED} once it applied them, skips them when it reads them back, and no client may choose one.
     */
    public static final String FIX_UPDATE_PREFIX = "fix:";
    /**
     * How the update id of an automatic close starts ({@code auto-close:<complaint id>:<pause number>}): routing resolves
     * a complaint that waited on the customer for its policy's {@code auto-close} and writes the resolution to
     * {@link #COMPLAINTS_UPDATED} under such an id, skips it when it reads it back, and no client may choose one.
     */
    public static final String AUTO_CLOSE_UPDATE_PREFIX = "auto-close:";
    /**
     * Every prefix of the update ids routing writes to {@link #COMPLAINTS_UPDATED} itself, with what they name: routing
     * applied such an update when it wrote it and skips it when it reads it back, and no client may choose one.
     */
    public static final Map<String, String> ROUTING_UPDATE_PREFIXES = Map.of(FIX_UPDATE_PREFIX, "a problem's fixes",
            AUTO_CLOSE_UPDATE_PREFIX, "automatic closes");

    /** The prefix of {@link #ROUTING_UPDATE_PREFIXES} that {@code updateId} starts with, if any. */
    public static Optional<String> routingUpdatePrefix(String updateId) {
        return updateId == null ? Optional.empty()
                : ROUTING_UPDATE_PREFIXES.keySet().stream().filter(updateId::startsWith).findFirst();
    }
    public static final String COMPLAINTS_STATE = "complaints.state";
    public static final String RESPONSES_SENT = "responses.sent";
    public static final String ROUTING_DLQ = "routing.dlq";
    public static final String RESPONDER_DLQ = "responder.dlq";

    /** Every name above, in the order the topic catalog lists them. */
    public static final List<String> ALL = List.of(FEEDBACK_RECEIVED, FEEDBACK_CLASSIFIED, COMPLAINTS_ESCALATED,
            COMPLAINTS_RESPONSE_DUE, COMPLAINTS_ACKNOWLEDGED, COMPLAINTS_UPDATED, PROBLEMS_UPDATED, PROBLEMS_FIXES, COMPLAINTS_STATE, RESPONSES_SENT, ROUTING_DLQ,
            RESPONDER_DLQ);

    private TopicNames() {}
}
