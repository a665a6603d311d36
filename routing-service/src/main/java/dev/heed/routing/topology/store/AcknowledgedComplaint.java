package dev.heed.routing.topology.store;

import dev.heed.routing.sla.PromiseLedger;
import java.time.Instant;
import java.util.Objects;

/**
 * What the clock processor keeps of a complaint after its first-response clock stopped: the complaint as it stood then
 * (its facts and policy, which every later event repeats), who acknowledged it, and its promises.
 *
 * @param complaint    the complaint when its clock stopped, the points owed at the acknowledgement counted
 * @param ack          who acknowledged it and when
 * @param ledger       its promises
 * @param lastEventAt  the record time of the last acknowledgement or update applied: with no promise open, the entry is
 *                     forgotten a retention after it (on stream time, as early acknowledgements are)
 */
public record AcknowledgedComplaint(OpenComplaint complaint, EarlyAck ack, PromiseLedger ledger, long lastEventAt) {

    public AcknowledgedComplaint {
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(ledger, "ledger");
    }

    public String id() {
        return complaint.id();
    }

    /** The same complaint with {@code next} as its ledger, after an event at {@code at} (record time). */
    public AcknowledgedComplaint with(PromiseLedger next, long at) {
        return new AcknowledgedComplaint(complaint, ack, next, at);
    }

    /** The same complaint with {@code next} as its ledger after due points; the last event's time is unchanged. */
    public AcknowledgedComplaint with(PromiseLedger next) {
        return new AcknowledgedComplaint(complaint, ack, next, lastEventAt);
    }

    /** When the open promise's next point falls due, null when no promise is open. */
    public Instant nextDueAt() {
        return ledger.open() == null ? null : ledger.open().nextDueAt();
    }
}
