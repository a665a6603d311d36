package dev.heed.schemas.topics;

import java.util.List;

/**
 * The one place that names Heed's topics. Every topic is keyed by the feedback id (a string), so one
 * complaint's events share a partition number everywhere. Dead-letter topics hold the raw bytes of records
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
    public static final String COMPLAINTS_STATE = "complaints.state";
    public static final String RESPONSES_SENT = "responses.sent";
    public static final String ROUTING_DLQ = "routing.dlq";
    public static final String RESPONDER_DLQ = "responder.dlq";

    /** Every name above, in the order the topic catalog lists them. */
    public static final List<String> ALL = List.of(FEEDBACK_RECEIVED, FEEDBACK_CLASSIFIED, COMPLAINTS_ESCALATED,
            COMPLAINTS_RESPONSE_DUE, COMPLAINTS_ACKNOWLEDGED, COMPLAINTS_UPDATED, COMPLAINTS_STATE, RESPONSES_SENT, ROUTING_DLQ, RESPONDER_DLQ);

    private TopicNames() {}
}
