package dev.heed.routing.sla;

/**
 * What a due point means. First response ({@link SlaClock}): a warning before the promise is broken, the breach
 * itself, or a repeat after it. A promised update ({@link PromiseClock}): the same three for the time an agent
 * promised the customer. The resolution target ({@link ResolutionClock}): the same three for the time to resolve. A
 * reopening of a resolved complaint ({@link PromiseLedger#reopened}): its agents are told once. The names are those of the
 * events' {@code DueKind}.
 */
public enum DueStage {
    WARNING, BREACH, REPEAT, PROMISE_WARNING, PROMISE_BROKEN, PROMISE_REPEAT, RESOLUTION_WARNING, RESOLUTION_BREACH,
    RESOLUTION_REPEAT, REOPENED;

    /** Whether the point belongs to a promised update rather than to the first response. */
    public boolean promise() {
        return this == PROMISE_WARNING || this == PROMISE_BROKEN || this == PROMISE_REPEAT;
    }

    /** The resolution clock's stage that stands where this first-response stage does (WARNING to RESOLUTION_WARNING...). */
    DueStage ofResolution() {
        return switch (this) {
            case WARNING -> RESOLUTION_WARNING;
            case BREACH -> RESOLUTION_BREACH;
            case REPEAT -> RESOLUTION_REPEAT;
            default -> throw new IllegalArgumentException("not a first-response stage: " + this);
        };
    }
}
