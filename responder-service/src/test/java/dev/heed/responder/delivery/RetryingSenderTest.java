package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingSenderTest {
    private final List<Duration> waits = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BackoffPolicy backoff = new BackoffPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, () -> 1.0);

    private RetryingSender sender(Transport transport) {
        return new RetryingSender(Map.of(DeliveryChannel.WEBHOOK, transport), backoff, waits::add, new DeliveryMetrics(meters));
    }

    static OutboundMessage message(DeliveryChannel channel) {
        return new OutboundMessage("msg_1", "fb-1", ResponseKind.CUSTOMER_REPLY, "t:0:1", channel, "https://example.com/hook",
                "praise-thanks/en", "Thanks", "Thank you!", Map.of(), null, null, null);
    }

    private static Transport failing(int times, boolean transientFailure, AtomicInteger calls) {
        return message -> {
            if (calls.incrementAndGet() <= times) {
                throw new DeliveryException("HTTP 503", transientFailure, null);
            }
        };
    }

    @Test
    void shouldRetryTransientFailuresWithBackoffAndSucceed() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        DeliveryResult result = sender(failing(3, true, calls)).send(message(DeliveryChannel.WEBHOOK));

        assertThat(result).isEqualTo(DeliveryResult.sent(4));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(meters.counter("heed.responder.delivery.retries", "channel", "WEBHOOK").count()).isEqualTo(3);
    }

    @Test
    void shouldGiveUpWhenTheAttemptsAreExhausted() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        DeliveryResult result = sender(failing(100, true, calls)).send(message(DeliveryChannel.WEBHOOK));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.error()).contains("HTTP 503");
        assertThat(calls).hasValue(4);
        assertThat(meters.counter("heed.responder.delivery.failures", "channel", "WEBHOOK", "reason", "exhausted").count()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryAPermanentFailure() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        DeliveryResult result = sender(failing(100, false, calls)).send(message(DeliveryChannel.WEBHOOK));

        assertThat(result).isEqualTo(DeliveryResult.failed(1, "HTTP 503"));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldReportAChannelWithoutTransportAsUndeliverable() throws Exception {
        DeliveryResult result = sender(message -> { }).send(message(DeliveryChannel.EMAIL));

        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.UNDELIVERABLE);
        assertThat(result.attempts()).isZero();
    }
}
