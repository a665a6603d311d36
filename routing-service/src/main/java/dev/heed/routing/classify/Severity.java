package dev.heed.routing.classify;

/** How urgent a complaint is; chooses the SLA policy. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
