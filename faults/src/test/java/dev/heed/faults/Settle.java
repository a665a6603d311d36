package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every scenario waits for progress and ends: posting stops, every refused id is retried until accepted,
 * and the verifier scans until nothing accepted is missing and the last breach has fallen due (bounded; on
 * timeout the last counts are returned, so a failing assertion names what is missing).
 */
final class Settle {
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final Logger LOG = LoggerFactory.getLogger(Settle.class);
    private static final Duration ACK_GRACE = Duration.ofSeconds(5);
    /** How late a due point may be emitted after it fell due before it counts as missing: punctuation plus lag. */
    private static final Duration DUE_ALLOWANCE = Duration.ofSeconds(5);

    /** The verifier's last scan and its counts. */
    record Outcome(Counts counts, TopicScan.Result scan) {}

    private Settle() {}

    static void awaitMoreAccepted(Ledger ledger, int more) {
        int target = ledger.accepted().size() + more;
        await(more + " more feedback accepted").atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> ledger.accepted().size() >= target);
    }

    static Outcome stopAndCount(FaultStack stack, Ledger ledger, LoadGenerator load, Clock clock) {
        load.stopPosting();
        await("every refused or unanswered id retried until accepted").atMost(STEP_TIMEOUT)
                .pollInterval(Duration.ofMillis(500)).until(() -> load.pending() == 0);
        Instant settled = clock.instant();
        AtomicReference<Outcome> last = new AtomicReference<>();
        try {
            await("the verifier's counts complete").atMost(FaultStack.TARGET.plus(STEP_TIMEOUT))
                    .pollInterval(Duration.ofSeconds(3)).until(() -> {
                        Instant horizon = clock.instant().minus(DUE_ALLOWANCE);
                        TopicScan.Result scan = stack.scan().scan();
                        last.set(new Outcome(Tally.count(ledger, scan.observations(), horizon, ACK_GRACE), scan));
                        return last.get().counts().lost() == 0 && horizon.isAfter(settled.plus(FaultStack.TARGET));
                    });
        } catch (ConditionTimeoutException e) {
            LOG.warn("counts still incomplete after the wait: {}", last.get().counts());
        }
        LOG.info("counts: {}; {}", last.get().counts(), stack.failures());
        if (last.get().counts().remindersAfterAck() > 0) {
            LOG.info("reminders after an acknowledgement, the first ten: {}", Tally.remindersAfterAckExamples(ledger,
                    last.get().scan().observations(), ACK_GRACE, 10));
        }
        return last.get();
    }
}
