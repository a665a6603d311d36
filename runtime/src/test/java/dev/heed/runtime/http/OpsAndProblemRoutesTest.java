package dev.heed.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsAndProblemRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OpsRoutes ops = new OpsRoutes(() -> Health.of(true), () -> new Health(ready.get(), Map.of("streams", "REBALANCING")), meters);
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndMetricsAnswerTheSameWayInEveryService() throws Exception {
        Counter.builder("heed.test.things").register(meters).increment();
        app = ops.serve("127.0.0.1", 0);

        assertThat(get(app.port(), "/health/live")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        });
        assertThat(get(app.port(), "/health/ready")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"status\":\"DOWN\",\"streams\":\"REBALANCING\"}");
        });
        ready.set(true);
        assertThat(get(app.port(), "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(app.port(), "/metrics")).satisfies(r -> {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(r.body()).contains("heed_test_things_total 1.0");
        });
    }

    @Test
    void everyErrorIsOneProblemShape() throws Exception {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/refused", ctx -> {
                throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests", "slow down")
                        .withRetryAfter(Duration.ofMillis(1500)), Map.of("X-Why", "test"));
            });
            config.routes.get("/invalid", ctx -> {
                throw new ProblemException(Problem.invalid("The request is invalid", List.of(new Problem.Error("/note", "is too long"))));
            });
            config.routes.get("/broken", ctx -> {
                throw new IllegalStateException("bug");
            });
            ProblemRoutes.register(config);
        }).start("127.0.0.1", 0);

        HttpResponse<String> refused = get(app.port(), "/refused");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        assertThat(refused.headers().firstValue("Retry-After")).as("rounded up").contains("2");
        assertThat(refused.headers().firstValue("X-Why")).contains("test");
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("type").asText()).isEqualTo("urn:heed:problem:rate-limited");
        assertThat(body.path("instance").asText()).isEqualTo("/refused");
        assertThat(body.has("retryAfter")).isFalse();

        JsonNode invalid = JSON.readTree(get(app.port(), "/invalid").body());
        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("errors").get(0).path("pointer").asText()).isEqualTo("/note");
        assertThat(invalid.path("errors").get(0).path("detail").asText()).isEqualTo("is too long");

        HttpResponse<String> broken = get(app.port(), "/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(broken.body()).path("type").asText()).isEqualTo("urn:heed:problem:internal");
        assertThat(broken.body()).doesNotContain("bug");

        HttpResponse<String> missing = get(app.port(), "/nowhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("type").asText()).isEqualTo("urn:heed:problem:not-found");
    }
}
