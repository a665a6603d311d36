package dev.heed.routing.classify;

/** What a feedback is about; several may apply, OTHER when none does. */
public enum Category { DELIVERY, BILLING, PRODUCT_QUALITY, STAFF_ATTITUDE, SUPPORT_WAIT, WEBSITE_APP, BOOKING, LOST_DAMAGED, CANCELLATION, OTHER }
