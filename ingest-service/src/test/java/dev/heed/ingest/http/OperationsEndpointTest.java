package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.ingest.http.HttpTestClient.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plain-JSON batch endpoint and everything operators call: health, metrics, unknown paths. */
class OperationsEndpointTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of());

    private Answer batch(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = ServerFixture.WEB_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return fixture.http.post("/v1/feedback/batch", "application/json", body, all);
    }

    private static String items(int n) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(FeedbackEndpointTest.VALID.formatted("batch-" + n + "-" + i));
        }
        return sb.append(']').toString();
    }

    @Test
    void shouldAnswer202WhenEveryItemIsStored() {
        Answer answer = batch(items(3));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").intValue()).isEqualTo(3);
        assertThat(answer.json().get("results")).extracting(n -> n.get("eventId").textValue())
                .containsExactly("batch-3-0", "batch-3-1", "batch-3-2");
    }

    @Test
    void shouldRefuseBatchesOverTheItemLimitEmptyOrOfTheWrongShape() {
        assertThat(batch(items(6)).status()).isEqualTo(413);
        assertThat(batch("[]").status()).isEqualTo(400);
        assertThat(batch(quotes("{'channel':'WEB'}")).status()).isEqualTo(400);
        assertThat(fixture.http.post("/v1/feedback/batch", "application/cloudevents+json", "[]", "X-API-Key", ServerFixture.WEB_KEY)
                .status()).isEqualTo(415);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyOnABatch() {
        Answer answer = batch(items(1), "Idempotency-Key", "k");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("pointer").textValue()).isEqualTo("header:Idempotency-Key");
    }

    @Test
    void shouldAnswer207WithRetryAfterWhenKafkaFailsForItems() {
        fixture.publisher.failure = new org.apache.kafka.common.errors.TimeoutException("expired");
        Answer answer = batch(items(2).replace("batch-2", "kafka-down"));

        assertThat(answer.status()).isEqualTo(207);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("refused").intValue()).isEqualTo(2);
    }

    @Test
    void shouldReportLivenessAndReadinessFromTheProducer() {
        assertThat(fixture.http.get("/health/live").status()).isEqualTo(200);
        assertThat(fixture.http.get("/health/ready").status()).isEqualTo(200);
        fixture.ready.set(false);
        Answer notReady = fixture.http.get("/health/ready");

        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.json().get("status").textValue()).isEqualTo("DOWN");
    }

    @Test
    void shouldExposeRequestsByStatusAsAPrometheusHistogram() {
        fixture.http.post("/v1/feedback", "application/json", "{}");
        String metrics = fixture.http.get("/metrics").raw().body();

        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
        // The key filter runs only for a matched route, so even its refusal is counted under the route.
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{.*status=\"401\".*uri=\"/v1/feedback\"");
    }

    @Test
    void shouldExposeTheIdempotencyStoreAndTheRequestsWaitingForKafka() {
        assertThat(batch(items(2)).status()).isEqualTo(202);
        String metrics = fixture.http.get("/metrics").raw().body();

        assertThat(metrics).containsPattern("(?m)^heed_ingest_idempotency_entries(\\{\\})? [1-9]");
        assertThat(metrics).containsPattern("(?m)^heed_ingest_idempotency_evicted_early_total(\\{\\})? 0\\.0$");
        assertThat(metrics).containsPattern("(?m)^heed_ingest_requests_waiting(\\{\\})? 0\\.0$");
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        Answer answer = fixture.http.get("/v2/nothing");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
