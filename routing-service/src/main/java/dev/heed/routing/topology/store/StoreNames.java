package dev.heed.routing.topology.store;

/**
 * The names of the routing stores. They are the interactive-query contract and name the changelog topics,
 * so renaming one is a migration (the pinned {@code describe()} test makes it visible).
 */
public final class StoreNames {

    public static final String DEDUPE = "feedback-dedupe-store";
    public static final String OPEN_CLOCKS = "sla-open-clocks-store";
    public static final String DUE_INDEX = "sla-due-index-store";
    public static final String EARLY_ACKS = "sla-early-acks-store";
    /** Latest complaint state, read back from the compacted topic (which is its changelog). */
    public static final String STATE_VIEW = "complaints-state-store";

    private StoreNames() {
    }
}
