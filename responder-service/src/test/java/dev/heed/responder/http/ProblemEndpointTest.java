package dev.heed.responder.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.ack.ProblemDesk;
import dev.heed.responder.ack.ProblemWriter;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.SampleEvents;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer of the known-problem endpoints (link, unlink, resolve), through real HTTP, with the Kafka write replaced. */
class ProblemEndpointTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String GRACE = "grace-token";
    private static final String TEAM = "billing-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ProblemUpdated> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        ComplaintDirectory directory = new ComplaintDirectory();
        directory.escalated(SampleEvents.escalated("fb-1"));
        directory.escalated(SampleEvents.escalated("fb-done"));
        directory.acted(ComplaintUpdated.newBuilder().setComplaintId("fb-done").setUpdateId("r-1").setUpdatedAt(NOW.minusSeconds(60))
                .setAgent("grace").setMessage("Sorted.").setAction(UpdateAction.RESOLVE).build());
        ProblemWriter writer = event -> {
            if (kafkaDown.get()) {
                throw new java.util.concurrent.TimeoutException("broker unreachable");
            }
            written.add(event);
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TokenStore tokens = TokenStore.parse("agent:grace:" + TokenStore.hash(GRACE) + ",team:billing:" + TokenStore.hash(TEAM));
        AckEndpoint acks = new AckEndpoint(new Acknowledger(directory, ack -> { }, clock), tokens, JSON, clock);
        app = HttpApp.create(acks, Optional.empty(), Optional.of(new ProblemEndpoint(new ProblemDesk(directory, writer, clock), tokens, JSON)),
                Optional.empty(), config -> { }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/problems/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    @Test
    void shouldWriteALinkAnUnlinkAndAResolutionKeyedByTheProblem() throws Exception {
        HttpResponse<String> linked = send("POST", "PRB-1/links", GRACE, "{\"complaintId\":\"fb-1\",\"eventId\":\"e-1\"}");
        HttpResponse<String> unlinked = send("DELETE", "PRB-1/links/fb-1", TEAM, "{\"agent\":\"alan\"}");
        HttpResponse<String> resolved = send("POST", "PRB-1/resolve", GRACE, "{\"message\":\"The outage is over.\"}");

        assertThat(List.of(linked, unlinked, resolved)).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(JSON.readTree(linked.body()).path("eventId").asText()).isEqualTo("e-1");
        assertThat(written).extracting(ProblemUpdated::getProblemId, ProblemUpdated::getAction, ProblemUpdated::getComplaintId,
                ProblemUpdated::getAgent, ProblemUpdated::getTeam, ProblemUpdated::getMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PRB-1", ProblemAction.LINK, "fb-1", "grace", null, null),
                org.assertj.core.groups.Tuple.tuple("PRB-1", ProblemAction.UNLINK, "fb-1", "alan", "billing", null),
                org.assertj.core.groups.Tuple.tuple("PRB-1", ProblemAction.RESOLVE, null, "grace", null, "The outage is over."));
        assertThat(written).extracting(ProblemUpdated::getAt).containsOnly(NOW);
        assertThat(written.get(2).getEventId()).startsWith("prb_");
    }

    @Test
    void shouldTakeAnUnlinkWithoutABody() throws Exception {
        assertThat(send("DELETE", "PRB-1/links/fb-1", GRACE, null).statusCode()).isEqualTo(201);
        assertThat(written).singleElement().extracting(ProblemUpdated::getAction).isEqualTo(ProblemAction.UNLINK);
    }

    @Test
    void shouldRefuseALinkOfAnUnknownComplaintWith404AndOfAResolvedOneWith409() throws Exception {
        problem(send("POST", "PRB-1/links", GRACE, "{\"complaintId\":\"fb-404\"}"), 404);
        JsonNode resolved = problem(send("POST", "PRB-1/links", GRACE, "{\"complaintId\":\"fb-done\"}"), 409);

        assertThat(resolved.path("type").asText()).isEqualTo("urn:heed:problem:already-resolved");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldNameEveryBadFieldOfEachAction() throws Exception {
        assertThat(problem(send("POST", "PRB-1/links", GRACE, "{\"colour\":\"red\",\"eventId\":\"\"}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/complaintId", "/colour", "/eventId");
        assertThat(problem(send("POST", "PRB-1/resolve", GRACE, "{\"complaintId\":\"fb-1\"}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/message", "/complaintId");
        assertThat(problem(send("POST", "PRB-1/resolve", GRACE, null), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/message");
        assertThat(problem(send("DELETE", "PRB-1/links/fb-1", GRACE, "{\"message\":\"no\"}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/message");
        assertThat(problem(send("POST", "x".repeat(101) + "/resolve", GRACE, "{\"message\":\"Fixed.\"}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/problemId");
        problem(send("POST", "PRB-1/resolve", GRACE, "{\"message\":"), 400);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldRefuseWithoutAValidTokenAndAnotherAgentsNameAndATeamTokenWithoutAnAgent() throws Exception {
        problem(send("POST", "PRB-1/resolve", null, "{\"message\":\"Fixed.\"}"), 401);
        problem(send("POST", "PRB-1/resolve", "nope", "{\"message\":\"Fixed.\"}"), 401);
        problem(send("POST", "PRB-1/resolve", GRACE, "{\"message\":\"Fixed.\",\"agent\":\"alan\"}"), 403);
        assertThat(problem(send("POST", "PRB-1/links", TEAM, "{\"complaintId\":\"fb-1\"}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/agent");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotTakeTheWrite() throws Exception {
        kafkaDown.set(true);

        HttpResponse<String> response = send("POST", "PRB-1/resolve", GRACE, "{\"message\":\"Fixed.\"}");

        problem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/problems/PRB-1/resolve"))
                .header("Authorization", "Bearer " + GRACE).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Fixed.")).build();

        problem(client.send(request, HttpResponse.BodyHandlers.ofString()), 415);
    }
}
