package dev.heed.routing.topology.processor;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.routing.topology.store.OpenComplaint;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the complaint clock reads: an escalation to start a clock for, an acknowledgement to stop one (and perhaps
 * promise an update), an update given to the customer (keeping, replacing or making a promise), a customer's
 * verdict on a resolution, or a customer's reply to their open complaint. All arrive under
 * the complaint id on co-partitioned inputs.
 */
public sealed interface ClockInput {

    /** A complaint to escalate, handed from the escalation step: the event to publish and the clock to start. */
    record Escalation(ComplaintEscalated event, OpenComplaint open) implements ClockInput {}

    /** A complaint acknowledged by a person, read from {@code complaints.acknowledged}. */
    record Acknowledgement(ComplaintAcknowledged ack) implements ClockInput {}

    /** An update an agent gave the customer, read from {@code complaints.updated}. */
    record Update(ComplaintUpdated update) implements ClockInput {}

    /**
     * A known problem's resolution for this complaint ({@code problems.fixes}, action RESOLVE, update id {@code fix:...}):
     * applied like an agent's resolution when the complaint is still open, skipped when it is not.
     */
    record Fix(ComplaintUpdated update) implements ClockInput {}

    /** A customer's verdict on a resolution: a classified feedback linked to the complaint, handed from the escalation step. */
    record Verdict(FeedbackClassified classified) implements ClockInput {}

    /** A customer's reply to their open complaint, read from routing's replies topic under the complaint's key. */
    record Reply(FeedbackClassified classified) implements ClockInput {}

    /**
     * Reads the acknowledgement topic straight into clock inputs, so the source feeds the clock without a node
     * of its own (the pinned topology stays as it is). Whatever {@code events} refuses stays refused.
     */
    static Deserializer<ClockInput> acknowledgements(Deserializer<ComplaintAcknowledged> events) {
        return (topic, bytes) -> new Acknowledgement(events.deserialize(topic, bytes));
    }

    /** Reads the problem fixes straight into clock inputs, as {@link #acknowledgements} does. */
    static Deserializer<ClockInput> fixes(Deserializer<ComplaintUpdated> events) {
        return (topic, bytes) -> new Fix(events.deserialize(topic, bytes));
    }

    /** Reads the replies topic straight into clock inputs, as {@link #acknowledgements} does. */
    static Deserializer<ClockInput> replies(Deserializer<FeedbackClassified> events) {
        return (topic, bytes) -> new Reply(events.deserialize(topic, bytes));
    }

    /** Reads the update topic straight into clock inputs, as {@link #acknowledgements} does. */
    static Deserializer<ClockInput> updates(Deserializer<ComplaintUpdated> events) {
        return (topic, bytes) -> new Update(events.deserialize(topic, bytes));
    }
}
