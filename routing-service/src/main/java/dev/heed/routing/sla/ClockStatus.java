package dev.heed.routing.sla;

/** Where an open clock stands: nothing emitted yet, warned, or past its breach. */
public enum ClockStatus { OPEN, WARNED, BREACHED }
