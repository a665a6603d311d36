package dev.heed.ingest.intake;

import dev.heed.runtime.http.Problem;

/**
 * What became of one verdict: accepted (stored and acknowledged by Kafka) or refused with a problem; {@code replayed}
 * when the answer is the one an earlier request through the same link got.
 */
public record VerdictOutcome(VerdictAccepted accepted, Problem problem, boolean replayed) {
    static VerdictOutcome refused(Problem problem) {
        return new VerdictOutcome(null, problem, false);
    }

    public int status() {
        return accepted != null ? 202 : problem.status();
    }
}
