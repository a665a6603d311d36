package dev.heed.responder.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of the messages whose final outcome is on responses.sent, each with the time it was recorded.
 * Rebuilt at start-up (and kept current) by reading responses.sent from {@link #since()}, and added to as
 * soon as this instance records an outcome; a message whose id is here is never sent again.
 *
 * <p>Only the last {@code horizon} is kept: a message is sent again only when its trigger is read again,
 * and no trigger older than the input topics' retention can be. So with the horizon at least that
 * retention (7 days by default, the broker's default retention), memory and start-up time follow the
 * traffic of one retention period, not the service's uptime. Thread-safe.
 */
public final class SentLog {
    /** Expired entries are dropped every this many additions, so the sweep costs O(1) per addition. */
    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final Duration horizon;
    private final Map<String, Long> recordedAt = new ConcurrentHashMap<>();
    private final AtomicLong additions = new AtomicLong();

    public SentLog(Clock clock, Duration horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the sent log's horizon must be positive, got " + horizon);
        }
        this.clock = clock;
        this.horizon = horizon;
    }

    public boolean contains(String messageId) {
        return recordedAt.containsKey(messageId);
    }

    /** Remembers a message recorded at {@code at}; one older than the horizon is not kept. */
    public void add(String messageId, Instant at) {
        long millis = at.toEpochMilli();
        if (millis >= since().toEpochMilli()) {
            recordedAt.merge(messageId, millis, Math::max);
        }
        if (additions.incrementAndGet() % SWEEP_EVERY == 0) {
            expire();
        }
    }

    /** Drops every id recorded before {@link #since()}. */
    public void expire() {
        long oldest = since().toEpochMilli();
        recordedAt.values().removeIf(at -> at < oldest);
    }

    /** The oldest outcome this log keeps: where reading responses.sent starts. */
    public Instant since() {
        return clock.instant().minus(horizon);
    }

    public int size() {
        return recordedAt.size();
    }
}
