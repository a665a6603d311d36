package dev.heed.routing.topology.store;

/**
 * The names of the routing stores. They are the interactive-query contract and name the changelog topics,
 * so renaming one is a migration (the pinned {@code describe()} test makes it visible).
 */
public final class StoreNames {

    public static final String DEDUPE = "feedback-dedupe-store";
    public static final String OPEN_CLOCKS = "sla-open-clocks-store";
    public static final String DUE_INDEX = "sla-due-index-store";
    /**
     * A key-value store since 2026-12; the window store before it was {@code sla-early-acks-store}, whose changelog is
     * no longer written (see {@link EarlyAcks} for why it changed).
     */
    public static final String EARLY_ACKS = "sla-early-acks-kv-store";
    /** Acknowledged complaints with their promise ledgers ({@link PromiseStore}); changelogged. */
    public static final String PROMISES = "sla-promises-store";
    /** The open promises by next due time: in memory, no changelog, rebuilt from {@link #PROMISES} at task start. */
    public static final String PROMISE_DUE_INDEX = "sla-promise-due-index-store";
    /** Resolution clocks ({@link ResolutionStore}), running and stopped; changelogged. */
    public static final String RESOLUTION_CLOCKS = "sla-resolution-clocks-store";
    /** The running resolution clocks by next due time: in memory, no changelog, rebuilt from {@link #RESOLUTION_CLOCKS} at task start. */
    public static final String RESOLUTION_DUE_INDEX = "sla-resolution-due-index-store";
    /** Known problems by problem id: the complaints linked to each and its resolution ({@code ProblemLinks}); changelogged. */
    public static final String PROBLEM_LINKS = "problem-links-store";
    /** Each complaint's reference keys in the reply index and the customer replies attached to it ({@code Replies}); changelogged. */
    public static final String REPLIES = "complaint-replies-store";
    /**
     * The reply index: every open complaint by {@code open:<id>} and by its reference keys ({@code ReplyKeys}), a global
     * store read from routing's own compacted {@code <application id>-reply-index} topic, which is its changelog.
     */
    public static final String REPLY_INDEX = "reply-index-store";
    /** Latest complaint state, read back from the compacted topic (which is its changelog). */
    public static final String STATE_VIEW = "complaints-state-store";

    private StoreNames() {
    }
}
