package dev.heed.faults;

/** Where in the pipeline a record was seen: one value per Heed topic the verifier reads. */
public enum Stage {
    /** {@code feedback.received}: written by ingest. */
    RECEIVED,
    /** {@code feedback.classified}: written by routing, once per feedback under exactly-once. */
    CLASSIFIED,
    /** {@code complaints.escalated}: written by routing, once per complaint. */
    ESCALATED,
    /** {@code complaints.response-due}: one per (complaint, due point). */
    RESPONSE_DUE,
    /** {@code complaints.acknowledged}: written by the responder's acknowledge API. */
    ACKNOWLEDGED,
    /** {@code responses.sent} with kind {@code CUSTOMER_REPLY}: the customer's answer was recorded. */
    REPLIED
}
