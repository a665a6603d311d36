package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.heed.ingest.http.HttpTestClient.Answer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server: requests in flight get their answers, requests that arrive meanwhile are refused with a
 * problem, and the wait is bounded by {@code HEED_INGEST_SHUTDOWN_GRACE}. Each test stops its own server.
 */
class ShutdownTest {

    private static CompletableFuture<Answer> postInFlight(ServerFixture fixture, String eventId) {
        fixture.publisher.gate = new CompletableFuture<>();
        var answer = CompletableFuture.supplyAsync(() -> fixture.http.post("/v1/feedback", "application/json",
                FeedbackEndpointTest.VALID.formatted(eventId), "X-API-Key", ServerFixture.WEB_KEY));
        // Written and waiting for its acknowledgement.
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.publisher.written.size() == 1);
        return answer;
    }

    @Test
    void shouldAnswerRequestsInFlightAndRefuseNewOnesWhileStopping() throws Exception {
        try (var fixture = new ServerFixture(Map.of("HEED_INGEST_SHUTDOWN_GRACE", "PT20S"))) {
            // A kept-alive connection that the stop does not close: where a new request can still arrive.
            var other = new HttpTestClient("http://127.0.0.1:" + fixture.server.port());
            assertThat(other.get("/health/live").status()).isEqualTo(200);
            CompletableFuture<Answer> inFlight = postInFlight(fixture, "drain-1");

            Thread stopping = new Thread(fixture::close, "stopping");
            stopping.start();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Answer refused = other.get("/health/ready");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                assertThat(refused.json().get("type").textValue()).isEqualTo("urn:heed:problem:shutting-down");
            });
            assertThat(stopping.isAlive()).as("the stop waits for the request in flight").isTrue();
            assertThat(inFlight).isNotDone();

            fixture.publisher.gate.complete(null);

            Answer accepted = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.json().get("eventId").textValue()).isEqualTo("drain-1");
            stopping.join(Duration.ofSeconds(10).toMillis());
            assertThat(stopping.isAlive()).as("the stop ends once nothing is in flight").isFalse();
        }
    }

    @Test
    void shouldAnswerWhatStillWaitsForKafkaWith503WhenTheGraceRunsOut() throws Exception {
        try (var fixture = new ServerFixture(Map.of("HEED_INGEST_SHUTDOWN_GRACE", "PT1S"))) {
            var other = new HttpTestClient("http://127.0.0.1:" + fixture.server.port());
            CompletableFuture<Answer> inFlight = postInFlight(fixture, "drain-2");

            assertTimeoutPreemptively(Duration.ofSeconds(15), fixture::close);

            Answer cut = inFlight.get(10, TimeUnit.SECONDS);
            assertThat(cut.status()).isEqualTo(503);
            assertThat(cut.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(cut.header("Retry-After")).isEqualTo("5");
            assertThat(cut.json().get("type").textValue()).isEqualTo("urn:heed:problem:shutting-down");
            assertThatThrownBy(() -> other.get("/health/live")).as("stopped").isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void shouldAnswerABodyStillOnItsWayWith503WhenTheGraceRunsOutAndWriteNothing() {
        try (var fixture = new ServerFixture(Map.of("HEED_INGEST_SHUTDOWN_GRACE", "PT1S"));
             var slow = SlowBody.start(fixture.server.port(), ServerFixture.WEB_KEY, FeedbackEndpointTest.VALID.formatted("drain-3"), 10)) {
            slow.sendUntil(() -> fixture.http.metric("heed_ingest_uploads_in_progress") == 1);

            assertTimeoutPreemptively(Duration.ofSeconds(15), fixture::close);

            RawHttp.Answer cut = slow.answer();
            assertThat(cut.status()).isEqualTo(503);
            assertThat(cut.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(cut.json().get("type").textValue()).isEqualTo("urn:heed:problem:shutting-down");
            assertThat(fixture.publisher.written).isEmpty();
        }
    }
}
