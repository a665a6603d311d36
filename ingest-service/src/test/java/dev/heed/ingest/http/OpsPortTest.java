package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With HEED_INGEST_OPS_PORT, health and metrics answer on that port only, and the API only on its own. */
class OpsPortTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of("HEED_INGEST_OPS_PORT", "0"));

    @RegisterExtension
    static final ServerFixture onePort = new ServerFixture(Map.of());

    private HttpTestClient ops() {
        return new HttpTestClient("http://127.0.0.1:" + fixture.server.opsPort().orElseThrow());
    }

    @Test
    void shouldServeHealthAndMetricsOnlyOnTheOperationsPort() {
        for (String path : new String[] {"/health/live", "/health/ready", "/metrics"}) {
            assertThat(ops().get(path).status()).as(path).isEqualTo(200);
            var onApi = fixture.http.get(path);
            assertThat(onApi.status()).as(path + " on the API port").isEqualTo(404);
            assertThat(onApi.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(fixture.http.get("/metrics/").status()).isEqualTo(404);
    }

    @Test
    void shouldServeTheApiOnlyOnItsOwnPort() {
        var onOps = ops().post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("ops-1"),
                "X-API-Key", ServerFixture.WEB_KEY);
        assertThat(onOps.status()).isEqualTo(404);
        assertThat(ops().get("/openapi.json").status()).isEqualTo(404);

        assertThat(fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("ops-2"),
                "X-API-Key", ServerFixture.WEB_KEY).status()).isEqualTo(202);
        assertThat(fixture.publisher.written).noneMatch(e -> e.getEventId().equals("ops-1"));
    }

    @Test
    void shouldListenOnTheConfiguredHostWithEveryPort() {
        assertThat(fixture.server.listeners()).containsOnlyKeys("api", "ops")
                .allSatisfy((name, address) -> assertThat(address).startsWith("127.0.0.1:"));
    }

    @Test
    void shouldServeEverythingOnTheMainPortWhenUnset() {
        assertThat(onePort.server.listeners()).containsOnlyKeys("api");
        assertThat(onePort.server.opsPort()).isEmpty();
        assertThat(onePort.http.get("/metrics").status()).isEqualTo(200);
        assertThat(onePort.http.get("/health/ready").status()).isEqualTo(200);
    }
}
