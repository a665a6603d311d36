package dev.heed.responder.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.ack.UpdateWriter;
import dev.heed.responder.ack.Updater;
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

/** Every answer of the update, resolution and reopening endpoints, through real HTTP, with the Kafka write replaced. */
class UpdateEndpointTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String GRACE = "grace-token";
    private static final String TEAM = "billing-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ComplaintUpdated> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;
    private ComplaintDirectory directory;

    @BeforeEach
    void start() {
        directory = new ComplaintDirectory();
        directory.escalated(SampleEvents.escalated("fb-1"));
        directory.escalated(SampleEvents.escalated("fb-open"));
        directory.acknowledged(ComplaintAcknowledged.newBuilder().setComplaintId("fb-1").setAcknowledgementId("ack-1")
                .setAcknowledgedAt(NOW.minusSeconds(600)).setAgent("grace").setSource(AckSource.API).build());
        UpdateWriter writer = update -> {
            if (kafkaDown.get()) {
                throw new java.util.concurrent.TimeoutException("broker unreachable");
            }
            written.add(update);
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TokenStore tokens = TokenStore.parse("agent:grace:" + TokenStore.hash(GRACE) + ",team:billing:" + TokenStore.hash(TEAM));
        AckEndpoint acks = new AckEndpoint(new Acknowledger(directory, ack -> { }, clock), tokens, JSON, clock);
        app = HttpApp.create(acks, Optional.of(new UpdateEndpoint(new Updater(directory, writer, clock), tokens, JSON, clock)),
                Optional.empty(), config -> { }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> post(String complaint, String token, String contentType, String body) throws Exception {
        return post("updates", complaint, token, contentType, body);
    }

    private HttpResponse<String> post(String resource, String complaint, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/complaints/" + complaint + "/" + resource))
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
    void shouldWriteTheUpdateWithItsPromiseAndReturnIt() throws Exception {
        HttpResponse<String> created = post("fb-1", GRACE, "application/json",
                "{\"message\":\"The refund is approved.\",\"nextUpdateBy\":\"2026-11-21T12:00:00Z\",\"updateId\":\"u-7\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("updateId").asText()).isEqualTo("u-7");
        assertThat(body.path("delay").asBoolean()).isFalse();
        assertThat(written).singleElement().satisfies(update -> {
            assertThat(update.getComplaintId()).isEqualTo("fb-1");
            assertThat(update.getAgent()).isEqualTo("grace");
            assertThat(update.getTeam()).isNull();
            assertThat(update.getUpdatedAt()).isEqualTo(NOW);
            assertThat(update.getMessage()).isEqualTo("The refund is approved.");
            assertThat(update.getNextUpdateBy()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        });
    }

    @Test
    void shouldTakeADelayWithItsNewTimeAndGiveEveryUpdateWithoutAnIdOneOfItsOwn() throws Exception {
        assertThat(post("fb-1", TEAM, "application/json",
                "{\"agent\":\"alan\",\"message\":\"It will take longer.\",\"nextUpdateBy\":\"2026-11-22T12:00:00Z\",\"delay\":true}")
                .statusCode()).isEqualTo(201);
        assertThat(post("fb-1", GRACE, "application/json", "{\"message\":\"Done.\"}").statusCode()).isEqualTo(201);

        assertThat(written).extracting(ComplaintUpdated::getDelay, ComplaintUpdated::getTeam).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, "billing"), org.assertj.core.groups.Tuple.tuple(false, null));
        assertThat(written).extracting(ComplaintUpdated::getUpdateId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("upd_"));
    }

    @Test
    void shouldRefuseAnUpdateBeforeTheAcknowledgementAndForAnUnknownComplaint() throws Exception {
        assertThat(problem(post("fb-open", GRACE, "application/json", "{\"message\":\"hi\"}"), 409).path("detail").asText())
                .contains("acknowledge it first");
        problem(post("fb-404", GRACE, "application/json", "{\"message\":\"hi\"}"), 404);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldRefuseAClientUpdateIdThatNamesAProblemFixOrAnAutomaticClose() throws Exception {
        for (String resource : List.of("updates", "resolution")) {
            JsonNode problem = problem(post(resource, "fb-1", GRACE, "application/json",
                    "{\"message\":\"Done.\",\"updateId\":\"fix:PRB-1:fb-1\"}"), 400);
            assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactly("/updateId");
            JsonNode close = problem(post(resource, "fb-1", GRACE, "application/json",
                    "{\"message\":\"Done.\",\"updateId\":\"auto-close:fb-1:1\"}"), 400);
            assertThat(close.path("errors").findValuesAsText("detail")).singleElement().asString().contains("automatic closes");
        }
        assertThat(written).isEmpty();
    }

    @Test
    void shouldNameEveryBadField() throws Exception {
        JsonNode problem = problem(post("fb-1", GRACE, "application/json",
                "{\"nextUpdateBy\":\"2026-11-20T11:00:00Z\",\"delay\":\"yes\",\"colour\":\"red\"}"), 400);
        assertThat(problem.path("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/message", "/nextUpdateBy", "/delay", "/colour");

        assertThat(problem(post("fb-1", GRACE, "application/json", "{\"message\":\"later\",\"delay\":true}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/delay");
        problem(post("fb-1", GRACE, "application/json", ""), 400);
        problem(post("fb-1", GRACE, "application/json", "{\"message\":\"x\",\"message\":\"y\"}"), 400);
        assertThat(written).isEmpty();
    }

    @Test
    void shouldCheckTheTokenTheBodyAndTheAgentAsTheAcknowledgementDoes() throws Exception {
        problem(post("fb-1", null, "application/json", "{\"message\":\"hi\"}"), 401);
        problem(post("fb-1", GRACE, "text/plain", "hi"), 415);
        problem(post("fb-1", GRACE, "application/json", "{\"message\":\"" + "x".repeat(20_000) + "\"}"), 413);
        problem(post("fb-1", GRACE, "application/json", "{\"message\":\"hi\",\"agent\":\"alan\"}"), 403);
        assertThat(problem(post("fb-1", TEAM, "application/json", "{\"message\":\"hi\"}"), 400).path("errors").get(0).path("pointer")
                .asText()).isEqualTo("/agent");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotTakeTheWrite() throws Exception {
        kafkaDown.set(true);

        HttpResponse<String> response = post("fb-1", GRACE, "application/json", "{\"message\":\"hi\"}");

        problem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldResolveAnAcknowledgedComplaintAndThenRefuseToResolveItAgain() throws Exception {
        HttpResponse<String> created = post("resolution", "fb-1", GRACE, "application/json",
                "{\"message\":\"The refund reached your account.\",\"updateId\":\"r-1\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("action").asText()).isEqualTo("RESOLVE");
        assertThat(body.path("updateId").asText()).isEqualTo("r-1");
        assertThat(body.path("agent").asText()).isEqualTo("grace");
        assertThat(written).singleElement().satisfies(update -> {
            assertThat(update.getAction()).isEqualTo(UpdateAction.RESOLVE);
            assertThat(update.getMessage()).isEqualTo("The refund reached your account.");
            assertThat(update.getNextUpdateBy()).isNull();
            assertThat(update.getDelay()).isFalse();
        });

        JsonNode again = problem(post("resolution", "fb-1", TEAM, "application/json", "{\"agent\":\"alan\",\"message\":\"Done.\"}"), 409);
        assertThat(again.path("type").asText()).endsWith("already-resolved");
        assertThat(again.path("detail").asText()).contains("resolved by grace at " + NOW, "reopen it first");
        // A client's retry under the same id passes: routing applies an update id once, the customer is told once.
        assertThat(post("resolution", "fb-1", GRACE, "application/json",
                "{\"message\":\"The refund reached your account.\",\"updateId\":\"r-1\"}").statusCode()).isEqualTo(201);
        assertThat(written).extracting(ComplaintUpdated::getUpdateId).containsExactly("r-1", "r-1");
    }

    @Test
    void shouldResolveAComplaintNobodyAcknowledgedWhichAcknowledgesIt() throws Exception {
        assertThat(post("resolution", "fb-open", GRACE, "application/json", "{\"message\":\"Sorted: a new card is on its way.\"}")
                .statusCode()).isEqualTo(201);

        assertThat(written).singleElement().extracting(ComplaintUpdated::getAction).isEqualTo(UpdateAction.RESOLVE);
        assertThat(directory.open()).extracting(ComplaintDirectory.KnownComplaint::id).doesNotContain("fb-open");
        // Owned now: plain updates are taken, as after an acknowledgement.
        assertThat(post("fb-open", GRACE, "application/json", "{\"message\":\"One more thing.\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAPromiseOrADelayOnAResolution() throws Exception {
        JsonNode problem = problem(post("resolution", "fb-1", GRACE, "application/json",
                "{\"message\":\"Done.\",\"nextUpdateBy\":\"2026-11-21T12:00:00Z\",\"delay\":true}"), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/nextUpdateBy", "/delay");
        assertThat(problem(post("resolution", "fb-1", GRACE, "application/json", "{}"), 400).path("errors").findValuesAsText("pointer"))
                .containsExactly("/message");
        assertThat(written).isEmpty();
    }

    @Test
    void shouldReopenOnlyAResolvedComplaintWithItsPromise() throws Exception {
        JsonNode notResolved = problem(post("reopenings", "fb-1", GRACE, "application/json", "{\"message\":\"Again.\"}"), 409);
        assertThat(notResolved.path("type").asText()).endsWith("not-resolved");
        assertThat(post("resolution", "fb-1", GRACE, "application/json", "{\"message\":\"Done.\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> reopened = post("reopenings", "fb-1", GRACE, "application/json",
                "{\"message\":\"The refund bounced; we are on it.\",\"nextUpdateBy\":\"2026-11-21T12:00:00Z\"}");

        assertThat(reopened.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(reopened.body()).path("action").asText()).isEqualTo("REOPEN");
        assertThat(written).extracting(ComplaintUpdated::getAction).containsExactly(UpdateAction.RESOLVE, UpdateAction.REOPEN);
        assertThat(written.get(1).getNextUpdateBy()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        problem(post("reopenings", "fb-1", GRACE, "application/json", "{\"message\":\"Again.\"}"), 409);
        // Reopened, it may be resolved again.
        assertThat(post("resolution", "fb-1", GRACE, "application/json", "{\"message\":\"Done now.\"}").statusCode()).isEqualTo(201);
        assertThat(problem(post("reopenings", "fb-1", GRACE, "application/json", "{\"message\":\"m\",\"delay\":true}"), 400)
                .path("errors").findValuesAsText("pointer")).containsExactly("/delay");
    }

    @Test
    void shouldPutAComplaintOnHoldAndResumeItButNotOneThatIsResolved() throws Exception {
        JsonNode notOwned = problem(post("resumption", "fb-open", GRACE, "application/json", "{\"message\":\"Back on it.\"}"), 409);
        assertThat(notOwned.path("type").asText()).endsWith("not-acknowledged");
        HttpResponse<String> asked = post("wait-on-customer", "fb-open", GRACE, "application/json",
                "{\"message\":\"Could you send us a photo of the parcel?\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(asked.body()).path("action").asText()).isEqualTo("WAIT_ON_CUSTOMER");
        assertThat(directory.open()).as("a wait acknowledges").extracting(ComplaintDirectory.KnownComplaint::id).doesNotContain("fb-open");

        assertThat(post("wait-on-third-party", "fb-1", GRACE, "application/json",
                "{\"message\":\"We asked the carrier.\",\"nextUpdateBy\":\"2026-11-21T12:00:00Z\"}").statusCode()).isEqualTo(201);
        assertThat(post("resumption", "fb-1", GRACE, "application/json", "{\"message\":\"The carrier answered.\"}").statusCode())
                .isEqualTo(201);
        assertThat(written).extracting(ComplaintUpdated::getAction)
                .containsExactly(UpdateAction.WAIT_ON_CUSTOMER, UpdateAction.WAIT_ON_THIRD_PARTY, UpdateAction.RESUME);
        assertThat(written.get(1).getNextUpdateBy()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));

        assertThat(post("resolution", "fb-1", GRACE, "application/json", "{\"message\":\"Done.\"}").statusCode()).isEqualTo(201);
        for (String resource : List.of("wait-on-customer", "wait-on-third-party", "resumption")) {
            assertThat(problem(post(resource, "fb-1", GRACE, "application/json", "{\"message\":\"m\"}"), 409).path("type").asText())
                    .endsWith("already-resolved");
            problem(post(resource, "fb-404", GRACE, "application/json", "{\"message\":\"m\"}"), 404);
            assertThat(problem(post(resource, "fb-open", GRACE, "application/json", "{\"message\":\"m\",\"delay\":true}"), 400)
                    .path("errors").findValuesAsText("pointer")).containsExactly("/delay");
        }
        assertThat(written).hasSize(4);
    }

    @Test
    void shouldCheckAResolutionAndAReopeningAsAnUpdate() throws Exception {
        for (String resource : List.of("resolution", "reopenings")) {
            problem(post(resource, "fb-404", GRACE, "application/json", "{\"message\":\"hi\"}"), 404);
            problem(post(resource, "fb-1", null, "application/json", "{\"message\":\"hi\"}"), 401);
            problem(post(resource, "fb-1", GRACE, "text/plain", "hi"), 415);
            problem(post(resource, "fb-1", GRACE, "application/json", "{\"message\":\"hi\",\"agent\":\"alan\"}"), 403);
        }
        assertThat(written).isEmpty();
        kafkaDown.set(true);
        HttpResponse<String> unavailable = post("resolution", "fb-1", GRACE, "application/json", "{\"message\":\"hi\"}");
        problem(unavailable, 503);
        // Not written, so not resolved: the retry is taken once Kafka is back.
        kafkaDown.set(false);
        assertThat(post("resolution", "fb-1", GRACE, "application/json", "{\"message\":\"hi\"}").statusCode()).isEqualTo(201);
    }
}
