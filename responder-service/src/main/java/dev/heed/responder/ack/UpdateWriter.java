package dev.heed.responder.ack;

import dev.heed.events.ComplaintUpdated;

/** Writes an update durably (to complaints.updated), returning only once it is written. */
@FunctionalInterface
public interface UpdateWriter {
    void write(ComplaintUpdated update) throws Exception;
}
