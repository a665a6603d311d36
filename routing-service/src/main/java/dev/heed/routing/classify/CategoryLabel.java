package dev.heed.routing.classify;

/** What a piece of feedback is about; {@link #OTHER} when no category keyword matched. */
public enum CategoryLabel {
    DELIVERY, BILLING, PRODUCT_QUALITY, STAFF_ATTITUDE, SUPPORT_WAIT, WEBSITE_APP, BOOKING, LOST_DAMAGED,
    CANCELLATION, OTHER
}
