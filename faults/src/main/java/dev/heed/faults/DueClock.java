package dev.heed.faults;

/**
 * Which of a complaint's clocks a response-due record belongs to. The verifier checks the first-response
 * schedule that each escalation promises; the promise and resolution clocks are counted for duplicates only,
 * since their due points depend on what agents did, not on the escalation alone.
 */
public enum DueClock {
    /** Warnings, the breach and repeats until the complaint is acknowledged. */
    FIRST_RESPONSE,
    /** The update an agent promised the customer ({@code PROMISE_*}). */
    PROMISE,
    /** The policy's resolution target ({@code RESOLUTION_*}). */
    RESOLUTION,
    /** No clock's point: the notice of a reopening ({@code REOPENED}), or a kind this verifier does not know (a newer writer's). */
    OTHER
}
