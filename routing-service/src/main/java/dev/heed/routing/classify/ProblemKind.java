package dev.heed.routing.classify;

/** What kind of problem a customer states; see {@code complaints.tsv}. */
enum ProblemKind {
    FAILURE, WAITING, MONEY, LOST_BROKEN, PROMISE_BROKEN, REPEAT, DEMAND, ACTION_QUESTION, NOT_A_PROBLEM
}
