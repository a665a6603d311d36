package dev.heed.responder.delivery;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The responder's delivery meters: replies, updates and notifications by channel and outcome, updates whose customer
 * is unknown, retries, final
 * failures, and how late agent notifications go out measured from the due time they announce.
 */
public final class DeliveryMetrics {
    private final MeterRegistry registry;
    private final Timer notificationLatency;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.notificationLatency = Timer.builder("heed.responder.notification.latency")
                .description("Time from a complaint's due time to the notification's final outcome")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void outcome(ResponseKind kind, DeliveryChannel channel, DeliveryOutcome outcome) {
        String name = switch (kind) {
            case CUSTOMER_REPLY -> "heed.responder.replies";
            case CUSTOMER_UPDATE -> "heed.responder.updates";
            default -> "heed.responder.notifications";
        };
        Counter.builder(name).tag("channel", channel.name()).tag("outcome", outcome.name())
                .register(registry).increment();
    }

    /**
     * An update whose customer the responder cannot name: {@code reason} {@code NOT_SEEN} (no escalation read for the
     * complaint) or {@code ERASED} (the customer's data was erased).
     */
    public void updateContactUnknown(String reason) {
        Counter.builder("heed.responder.updates.contact.unknown").tag("reason", reason).register(registry).increment();
    }

    public void retry(DeliveryChannel channel) {
        Counter.builder("heed.responder.delivery.retries").tag("channel", channel.name()).register(registry).increment();
    }

    public void failure(DeliveryChannel channel, String why) {
        Counter.builder("heed.responder.delivery.failures").tag("channel", channel.name()).tag("reason", why)
                .register(registry).increment();
    }

    /** @param late how long after the due time the notification went out; negative for warnings sent early */
    public void notificationLatency(Duration late) {
        notificationLatency.record(late.isNegative() ? Duration.ZERO : late);
    }
}
