package dev.heed.ingest.intake;

import dev.heed.runtime.http.Problem;

/**
 * What became of one submission: accepted (stored and acknowledged by Kafka) or refused with a problem.
 * {@code replayed} tells that the answer repeats an earlier acceptance of the same event id.
 */
public record Outcome(Accepted accepted, Problem problem, boolean replayed) {
    public static Outcome accepted(Accepted accepted, boolean replayed) {
        return new Outcome(accepted, null, replayed);
    }

    public static Outcome refused(Problem problem) {
        return new Outcome(null, problem, false);
    }

    public int status() {
        return accepted != null ? 202 : problem.status();
    }
}
