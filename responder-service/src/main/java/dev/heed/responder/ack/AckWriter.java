package dev.heed.responder.ack;

import dev.heed.events.ComplaintAcknowledged;

/** Writes an acknowledgement durably (to complaints.acknowledged), returning only once it is written. */
@FunctionalInterface
public interface AckWriter {
    void write(ComplaintAcknowledged acknowledgement) throws Exception;
}
