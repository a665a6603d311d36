package dev.heed.responder.input;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseSent;

/**
 * One record of a Heed topic, read into the type its topic carries: what {@link InputDecoder#decode} returns,
 * so readers dispatch on a type instead of comparing topic names. Kafka-free.
 */
public sealed interface Input {
    record Received(FeedbackReceived event) implements Input {}

    record Classified(FeedbackClassified event) implements Input {}

    record Escalated(ComplaintEscalated event) implements Input {}

    record Due(ResponseDue event) implements Input {}

    record Acknowledged(ComplaintAcknowledged event) implements Input {}

    record Sent(ResponseSent event) implements Input {}

    /** An update an agent gave the customer (complaints.updated). */
    record Updated(ComplaintUpdated event) implements Input {}

    record State(ComplaintState state) implements Input {}

    /** An agent's action on a known problem (problems.updated, keyed by the problem id). */
    record Problem(ProblemUpdated event) implements Input {}

    /**
     * A problem's fix on its way to one complaint (problems.fixes): not yet applied, so not the complaint's resolution;
     * routing writes it to complaints.updated when it applies it, and that record is what tells the customer.
     */
    record Fix(ComplaintUpdated event) implements Input {}

    /** A record of a dead-letter topic: its bytes are a copy of some other record and are not read here. */
    record DeadLetter() implements Input {}

    /** A record without a value (a tombstone, on the compacted state topic). */
    record Tombstone() implements Input {}
}
