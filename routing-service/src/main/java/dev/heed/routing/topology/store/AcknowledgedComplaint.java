package dev.heed.routing.topology.store;

import dev.heed.routing.sla.AutoClose;
import dev.heed.routing.sla.Pause;
import dev.heed.routing.sla.PromiseLedger;
import dev.heed.routing.sla.Resolution;
import dev.heed.routing.verdict.CustomerVerdict;
import java.time.Instant;
import java.util.Objects;

/**
 * What the clock processor keeps of a complaint after its first-response clock stopped: the complaint as it stood then
 * (its facts and policy, which every later event repeats), who acknowledged it, its promises, and whether it is
 * resolved, and the customer's last verdict on a resolution.
 *
 * @param complaint    the complaint when its clock stopped, the points owed at the acknowledgement counted
 * @param ack          who acknowledged it and when
 * @param ledger       its promises
 * @param lastEventAt  the record time of the last acknowledgement or update applied: once resolved with no promise open,
 *                     the entry is forgotten a retention after it (on stream time, as early acknowledgements are)
 * @param resolution   whether it is resolved, and how often it was resolved and reopened
 * @param verdict      the customer's last verdict on a resolution, null while none came
 * @param pause        whether it is on hold, and its pauses so far
 */
public record AcknowledgedComplaint(OpenComplaint complaint, EarlyAck ack, PromiseLedger ledger, long lastEventAt,
                                    Resolution resolution, CustomerVerdict verdict, Pause pause) {

    public AcknowledgedComplaint {
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(pause, "pause");
    }

    /** Never paused. */
    public AcknowledgedComplaint(OpenComplaint complaint, EarlyAck ack, PromiseLedger ledger, long lastEventAt, Resolution resolution,
                                 CustomerVerdict verdict) {
        this(complaint, ack, ledger, lastEventAt, resolution, verdict, Pause.NONE);
    }

    /** With no verdict. */
    public AcknowledgedComplaint(OpenComplaint complaint, EarlyAck ack, PromiseLedger ledger, long lastEventAt, Resolution resolution) {
        this(complaint, ack, ledger, lastEventAt, resolution, null);
    }

    /** Acknowledged, not resolved. */
    public AcknowledgedComplaint(OpenComplaint complaint, EarlyAck ack, PromiseLedger ledger, long lastEventAt) {
        this(complaint, ack, ledger, lastEventAt, Resolution.NONE);
    }

    public String id() {
        return complaint.id();
    }

    /** The same complaint with {@code next} as its ledger, after an event at {@code at} (record time). */
    public AcknowledgedComplaint with(PromiseLedger next, long at) {
        return new AcknowledgedComplaint(complaint, ack, next, at, resolution, verdict, pause);
    }

    /** The same complaint with {@code next} as its ledger after due points; the last event's time is unchanged. */
    public AcknowledgedComplaint with(PromiseLedger next) {
        return new AcknowledgedComplaint(complaint, ack, next, lastEventAt, resolution, verdict, pause);
    }

    /** The same complaint resolved or reopened as {@code next} says. */
    public AcknowledgedComplaint with(Resolution next) {
        return new AcknowledgedComplaint(complaint, ack, ledger, lastEventAt, next, verdict, pause);
    }

    /** The same complaint with {@code next} as its customer's last verdict, given at {@code at} (record time). */
    public AcknowledgedComplaint with(CustomerVerdict next, long at) {
        return new AcknowledgedComplaint(complaint, ack, ledger, at, resolution, next, pause);
    }

    /** The same complaint on hold, or off it, as {@code next} says. */
    public AcknowledgedComplaint with(Pause next) {
        return new AcknowledgedComplaint(complaint, ack, ledger, lastEventAt, resolution, verdict, next);
    }

    /**
     * When something next falls due for this complaint, the index's time for it: the open promise's next point or its
     * {@linkplain #autoCloseAt() automatic close}, whichever is earlier; null when neither is pending.
     */
    public Instant nextDueAt() {
        Instant promise = promiseDueAt();
        Instant close = autoCloseAt();
        return promise == null ? close : close == null || promise.isBefore(close) ? promise : close;
    }

    /** When the open promise's next point falls due, null when no promise is open. */
    public Instant promiseDueAt() {
        return ledger.open() == null ? null : ledger.open().nextDueAt();
    }

    /** When routing closes the complaint itself ({@link AutoClose}), null when it is resolved or no close is pending. */
    public Instant autoCloseAt() {
        return resolution.resolved() ? null : AutoClose.dueAt(complaint.clock().policy(), pause);
    }
}
