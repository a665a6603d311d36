package dev.heed.routing.classify;

/** How urgently a human should look; derived from points, see {@link SeverityPolicy}. */
public enum SeverityLabel { LOW, MEDIUM, HIGH, CRITICAL }
