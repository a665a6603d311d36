package dev.heed.responder.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A topic's write rate from sampled end offsets: records per second between the oldest sample inside the
 * window and the newest. Sampling end offsets (not counting records) costs one Admin call per interval
 * whatever the traffic; a transaction marker counts as a record, so the rate of a transactional topic reads
 * slightly high. Not thread-safe: one sampler owns it.
 */
public final class RateWindow {
    private record Sample(Instant at, long endOffset) {}

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateWindow(Duration window) {
        this.window = window;
    }

    public void add(Instant at, long endOffset) {
        samples.addLast(new Sample(at, endOffset));
        Instant horizon = at.minus(window);
        // Keep one sample at or before the horizon so a full window is measured once there is one.
        while (samples.size() > 1 && !second().at().isAfter(horizon)) {
            samples.removeFirst();
        }
    }

    private Sample second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    /** Records per second over the window ending at the newest sample; 0 until there are two samples. */
    public double perSecond() {
        if (samples.size() < 2) {
            return 0.0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long millis = Duration.between(first.at(), last.at()).toMillis();
        // An offset that went back means the topic was recreated: no honest rate until it grows again.
        long records = Math.max(0, last.endOffset() - first.endOffset());
        return millis <= 0 ? 0.0 : records * 1000.0 / millis;
    }
}
