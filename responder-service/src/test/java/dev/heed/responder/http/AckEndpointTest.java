package dev.heed.responder.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.responder.ack.AckWriter;
import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.SampleEvents;
import io.javalin.Javalin;
import dev.heed.runtime.http.Health;
import dev.heed.runtime.http.OpsRoutes;
import java.util.Optional;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer of the acknowledge endpoint, through real HTTP, with the Kafka write replaced. */
class AckEndpointTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String GRACE = "grace-token";
    private static final String TEAM = "billing-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ComplaintAcknowledged> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        ComplaintDirectory directory = new ComplaintDirectory();
        directory.escalated(SampleEvents.escalated("fb-1"));
        AckWriter writer = ack -> {
            if (kafkaDown.get()) {
                throw new java.util.concurrent.TimeoutException("broker unreachable");
            }
            written.add(ack);
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TokenStore tokens = TokenStore.parse("agent:grace:" + TokenStore.hash(GRACE) + ",team:billing:" + TokenStore.hash(TEAM));
        app = HttpApp.create(new AckEndpoint(new Acknowledger(directory, writer, clock), tokens, JSON, clock),
                Optional.of(new OpsRoutes(() -> Health.of(true), () -> Health.of(false), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))),
                config -> { }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String complaint, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/complaints/" + complaint + "/acknowledgements"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:heed:problem:");
        return problem;
    }

    @Test
    void shouldCreateTheAcknowledgementOnceAndReturnItAgainOnRepeat() throws Exception {
        HttpResponse<String> created = post("fb-1", GRACE, "application/json", "{\"note\":\"calling now\",\"nextUpdateBy\":\"2026-11-20T16:00:00Z\"}");
        HttpResponse<String> repeated = post("fb-1", GRACE, null, "");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("agent").asText()).isEqualTo("grace");
        assertThat(body.path("nextUpdateBy").asText()).isEqualTo("2026-11-20T16:00:00Z");
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(repeated.body()).path("acknowledgementId")).isEqualTo(body.path("acknowledgementId"));
        assertThat(written).hasSize(1);
    }

    @Test
    void shouldAskForATokenWhenThereIsNoneOrItIsWrong() throws Exception {
        HttpResponse<String> none = post("fb-1", null, "application/json", "{}");
        HttpResponse<String> wrong = post("fb-1", "guess", "application/json", "{}");

        problem(none, 401);
        problem(wrong, 401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"heed\"");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() throws Exception {
        problem(post("fb-1", GRACE, "text/plain", "ack"), 415);
        problem(post("fb-1", GRACE, "application/json", "{not json"), 400);
    }

    @Test
    void shouldRefuseAnOversizedBody() throws Exception {
        problem(post("fb-1", GRACE, "application/json", "{\"note\":\"" + "x".repeat(20_000) + "\"}"), 413);
    }

    @Test
    void shouldNameEveryBadField() throws Exception {
        JsonNode problem = problem(post("fb-1", GRACE, "application/json",
                "{\"note\":7,\"nextUpdateBy\":\"tomorrow\",\"source\":\"FAX\",\"colour\":\"red\"}"), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/note", "/nextUpdateBy", "/source", "/colour");
        assertThat(problem(post("fb-1", GRACE, "application/json", "{\"nextUpdateBy\":\"2026-11-20T11:00:00Z\"}"), 400)
                .path("errors").get(0).path("detail").asText()).isEqualTo("must be in the future");
        problem(post("fb-1", GRACE, "application/json", "[]"), 400);
    }

    @Test
    void shouldRefuseDuplicateKeysRatherThanTakeTheLastOne() throws Exception {
        JsonNode problem = problem(post("fb-1", GRACE, "application/json", "{\"agent\":\"mallory\",\"agent\":\"grace\"}"), 400);

        assertThat(problem.path("detail").asText()).contains("agent").doesNotContain("Source", "JsonNode");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldRefuseAnythingAfterTheJsonValue() throws Exception {
        for (String body : List.of("{\"note\":\"x\"}xyz", "{\"note\":\"x\"}{\"note\":\"y\"}", "{}}", "{}\u0000", "{} 1")) {
            JsonNode problem = problem(post("fb-1", GRACE, "application/json", body), 400);
            assertThat(problem.path("detail").asText()).as(body).doesNotContain("Source", "JsonNode", "FAIL_ON");
        }
        assertThat(written).isEmpty();
    }

    @Test
    void shouldRequireATeamTokenToNameTheAgent() throws Exception {
        assertThat(problem(post("fb-1", TEAM, "application/json", "{}"), 400).path("errors").get(0).path("pointer").asText()).isEqualTo("/agent");
        assertThat(post("fb-1", TEAM, "application/json", "{\"agent\":\"alan\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void shouldForbidAnAgentTokenActingForSomeoneElse() throws Exception {
        problem(post("fb-1", GRACE, "application/json", "{\"agent\":\"alan\"}"), 403);
    }

    @Test
    void shouldForbidAnAgentTokenActingForSomeoneElseOnAnAcknowledgedComplaintToo() throws Exception {
        assertThat(post("fb-1", GRACE, "application/json", "{}").statusCode()).isEqualTo(201);

        problem(post("fb-1", GRACE, "application/json", "{\"agent\":\"mallory\"}"), 403);
        assertThat(written).hasSize(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownComplaint() throws Exception {
        assertThat(problem(post("fb-404", GRACE, "application/json", "{}"), 404).path("detail").asText()).contains("fb-404");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotTakeTheWrite() throws Exception {
        kafkaDown.set(true);

        HttpResponse<String> response = post("fb-1", GRACE, "application/json", "{}");

        problem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldAnswerUnknownPathsAndHealthAsDocuments() throws Exception {
        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        problem(missing, 404);
        assertThat(ready.statusCode()).isEqualTo(503);
    }
}
