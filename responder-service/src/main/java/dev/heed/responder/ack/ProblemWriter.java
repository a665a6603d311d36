package dev.heed.responder.ack;

import dev.heed.events.ProblemUpdated;

/** Writes a problem action durably (to problems.updated), returning only once it is written. */
@FunctionalInterface
public interface ProblemWriter {
    void write(ProblemUpdated event) throws Exception;
}
