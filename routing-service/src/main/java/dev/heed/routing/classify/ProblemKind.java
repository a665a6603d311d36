package dev.heed.routing.classify;

/** What kind of problem a customer states; see {@code complaints.tsv}. */
enum ProblemKind {
    FAILURE, WAITING, MONEY, LOST_BROKEN, PROMISE_BROKEN, REPEAT, DEMAND, ACTION_QUESTION, NOT_A_PROBLEM;

    /**
     * The evidence rule, {@code "problem:FAILURE"}, made once: built per finding it was a new string whose hash
     * every rule reading the evidence ({@link Irony}) computed again.
     */
    private final String rule = "problem:" + name();

    String rule() {
        return rule;
    }
}
