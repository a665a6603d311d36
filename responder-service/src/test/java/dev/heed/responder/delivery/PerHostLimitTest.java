package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound per receiving host: how many attempts run at once to one host, and that other hosts do not wait. */
class PerHostLimitTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /** A transport whose attempts to the slow host wait until the test releases them. */
    private final Transport slowToOneHost = message -> {
        if (!message.recipient().startsWith("https://slow.example.com/")) {
            return;
        }
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, e);
        } finally {
            inside.decrementAndGet();
        }
    };

    @AfterEach
    void stopThreads() throws InterruptedException {
        release.countDown();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static OutboundMessage to(String url) {
        return new OutboundMessage("msg_" + url.hashCode(), "fb-1", ResponseKind.CUSTOMER_REPLY, "t:0:1", DeliveryChannel.WEBHOOK, url,
                "praise-thanks/en", "Thanks", "Thanks!", Map.of(), null, null, null);
    }

    @Test
    void shouldLetNoMoreThanTheBoundIntoOneHostWhileOtherHostsGoOn() throws Exception {
        PerHostLimit limit = new PerHostLimit(slowToOneHost, 3);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String url = "https://slow.example.com/hook/" + i;
            sends.add(threads.submit(() -> {
                limit.deliver(to(url));
                return null;
            }));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == 3);
        assertThat(limit.inFlight("https://SLOW.example.com/other")).isEqualTo(3);
        // Another host is not held up by the one that is full, nor is another port of the same host.
        limit.deliver(to("https://fast.example.com/hook"));
        limit.deliver(to("https://slow.example.com:8443/hook"));

        release.countDown();
        for (Future<?> send : sends) {
            send.get(10, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(3);
        assertThat(limit.inFlight("https://slow.example.com/")).isZero();
    }

    @Test
    void shouldGiveThePermitBackWhenAnAttemptFails() throws Exception {
        PerHostLimit limit = new PerHostLimit(message -> {
            throw new DeliveryException("HTTP 503", true, null);
        }, 1);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limit.deliver(to("https://down.example.com/"))).hasMessage("HTTP 503");
        }
        assertThat(limit.inFlight("https://down.example.com/")).isZero();
    }

    @Test
    void shouldNameAHostByItsSchemeHostAndPort() {
        assertThat(PerHostLimit.host("https://Hooks.Example.com/a?b")).isEqualTo("https://hooks.example.com:-1");
        assertThat(PerHostLimit.host("http://127.0.0.1:8080/x")).isEqualTo("http://127.0.0.1:8080");
        assertThat(PerHostLimit.host("not a url")).isEmpty();
    }
}
