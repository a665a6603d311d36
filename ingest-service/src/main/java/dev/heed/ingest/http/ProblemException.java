package dev.heed.ingest.http;

import dev.heed.ingest.problem.Problem;

/** Ends a request with a problem answer; thrown from filters and decoders, answered by {@link Responses}. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
