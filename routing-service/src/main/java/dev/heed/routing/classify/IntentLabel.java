package dev.heed.routing.classify;

/** What the customer wants or signals, independent of sentiment. More than one may apply. */
public enum IntentLabel {
    REFUND_REQUEST, CANCELLATION_THREAT, LEGAL_THREAT, SAFETY_ISSUE, REPEAT_CONTACT, PRAISE, SUGGESTION, QUESTION
}
