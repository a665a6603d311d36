package dev.heed.responder.delivery;

import dev.heed.events.DeliveryChannel;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message through the transport of its channel, retrying transient failures under a
 * {@link BackoffPolicy}. It never throws for a failed delivery: the outcome is the result, so the caller
 * records it and moves on. A permanent failure ends the attempts at once.
 */
public final class RetryingSender {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final Map<DeliveryChannel, Transport> transports;
    private final BackoffPolicy backoff;
    private final Sleeper sleeper;
    private final DeliveryMetrics metrics;

    public RetryingSender(Map<DeliveryChannel, Transport> transports, BackoffPolicy backoff, Sleeper sleeper,
                          DeliveryMetrics metrics) {
        this.transports = Map.copyOf(transports);
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    /**
     * Safe to call from several threads at once (the transports are).
     *
     * @throws InterruptedException when cancelled during or between attempts; nothing is recorded then
     */
    public DeliveryResult send(OutboundMessage message) throws InterruptedException {
        Transport transport = transports.get(message.channel());
        if (transport == null) {
            return DeliveryResult.undeliverable("no transport for channel " + message.channel());
        }
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                transport.deliver(message);
                return DeliveryResult.sent(attempt);
            } catch (DeliveryException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // Cancelled (a revoke or a stop): no outcome is recorded, so whoever reads the trigger next sends it.
                    throw new InterruptedException("cancelled while sending " + message.messageId());
                }
                if (!e.transientFailure() || !backoff.mayRetryAfter(attempt)) {
                    LOG.warn("giving up on {} after {} attempt(s): {}", message, attempt, e.getMessage());
                    metrics.failure(message.channel(), e.transientFailure() ? "exhausted" : "permanent");
                    return DeliveryResult.failed(attempt, e.getMessage());
                }
                Duration wait = backoff.delayBeforeRetry(attempt);
                LOG.info("attempt {} of {} failed ({}), retrying in {} ms", attempt, message, e.getMessage(), wait.toMillis());
                metrics.retry(message.channel());
                sleeper.sleep(wait);
            }
        }
    }
}
