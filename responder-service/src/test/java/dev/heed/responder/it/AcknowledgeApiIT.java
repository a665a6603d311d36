package dev.heed.responder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.events.ComplaintStatus;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.responder.it.ItEvents.Kind;
import dev.heed.schemas.SampleEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acknowledge API of a running responder: complaints it knows from complaints.escalated and
 * complaints.state, acknowledgements written to complaints.acknowledged once, errors as problem+json; and
 * the health and metrics endpoints beside it.
 */
@ExtendWith(LocalStackExtension.class)
class AcknowledgeApiIT {
    private static final String TOKEN = "grace-secret-token";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(ResponderApplication app, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAcknowledgeAKnownComplaintOnceAndRefuseTheRest(Stack stack) throws Exception {
        try (Pipeline pipeline = new Pipeline(stack)) {
            Map<String, String> env = pipeline.env();
            env.put("HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN));
            pipeline.send(pipeline.topics.complaintsEscalated(), "fb-a", ItEvents.escalated("fb-a", Instant.now().plus(Duration.ofHours(1))));
            pipeline.send(pipeline.topics.complaintsEscalated(), "fb-b", ItEvents.escalated("fb-b", Instant.now().plus(Duration.ofHours(1))));
            ComplaintState state = SampleEvents.state("fb-s");
            state.setStatus(ComplaintStatus.BREACHED);
            pipeline.send(pipeline.topics.complaintsState(), "fb-s", state);
            ComplaintState resolved = SampleEvents.state("fb-r");
            resolved.setStatus(ComplaintStatus.RESOLVED);
            resolved.setResolvedAt(Instant.now().minusSeconds(60));
            resolved.setResolvedBy("alan");
            pipeline.send(pipeline.topics.complaintsState(), "fb-r", resolved);
            pipeline.send(pipeline.topics.feedbackClassified(), "fb-m", ItEvents.classified("fb-m", Kind.PRAISE, null, "web-form"));

            try (ResponderApplication app = ResponderApplication.start(ResponderConfig.from(env), Clock.systemUTC(), d -> { }, t -> t)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> call(app, "GET", "/health/ready", null, null).statusCode() == 200);
                assertThat(call(app, "GET", "/health/live", null, null).statusCode()).isEqualTo(200);

                HttpResponse<String> created = call(app, "POST", "/v1/complaints/fb-a/acknowledgements", TOKEN, "{\"note\":\"on it\"}");
                HttpResponse<String> again = call(app, "POST", "/v1/complaints/fb-a/acknowledgements", TOKEN, "{}");
                HttpResponse<String> fromState = call(app, "POST", "/v1/complaints/fb-s/acknowledgements", TOKEN, null);
                HttpResponse<String> unknown = call(app, "POST", "/v1/complaints/fb-404/acknowledgements", TOKEN, "{}");
                HttpResponse<String> anonymous = call(app, "POST", "/v1/complaints/fb-a/acknowledgements", null, "{}");
                HttpResponse<String> impostorOnAcknowledged = call(app, "POST", "/v1/complaints/fb-a/acknowledgements", TOKEN, "{\"agent\":\"mallory\"}");
                // fb-b is open: each of these would acknowledge it if its body were taken.
                List<HttpResponse<String>> malformed = List.of(
                        call(app, "POST", "/v1/complaints/fb-b/acknowledgements", TOKEN, "{\"agent\":\"mallory\",\"agent\":\"grace\"}"),
                        call(app, "POST", "/v1/complaints/fb-b/acknowledgements", TOKEN, "{\"note\":\"on it\"}xyz"),
                        call(app, "POST", "/v1/complaints/fb-b/acknowledgements", TOKEN, "{\"note\":\"on it\"}{\"note\":\"again\"}"));

                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(fromState.statusCode()).isEqualTo(201);
                assertThat(unknown.statusCode()).isEqualTo(404);
                assertThat(unknown.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(impostorOnAcknowledged.statusCode()).isEqualTo(403);
                assertThat(impostorOnAcknowledged.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                assertThat(malformed).allSatisfy(refused -> {
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                    assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                });

                // Resolution and reopening: fb-b is open (a resolution acknowledges it), fb-r resolved by routing's row.
                HttpResponse<String> resolution = call(app, "POST", "/v1/complaints/fb-b/resolution", TOKEN, "{\"message\":\"Refunded.\"}");
                HttpResponse<String> resolvedAgain = call(app, "POST", "/v1/complaints/fb-b/resolution", TOKEN, "{\"message\":\"Refunded.\"}");
                HttpResponse<String> reopenUnresolved = call(app, "POST", "/v1/complaints/fb-a/reopenings", TOKEN, "{\"message\":\"Again.\"}");
                HttpResponse<String> reopening = await().atMost(Duration.ofSeconds(30)).until(
                        () -> call(app, "POST", "/v1/complaints/fb-r/reopenings", TOKEN, "{\"message\":\"It bounced.\"}"), r -> r.statusCode() != 409);
                assertThat(resolution.statusCode()).as(resolution.body()).isEqualTo(201);
                assertThat(resolvedAgain.statusCode()).isEqualTo(409);
                assertThat(resolvedAgain.body()).contains("already-resolved");
                assertThat(reopenUnresolved.statusCode()).isEqualTo(409);
                assertThat(reopenUnresolved.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                assertThat(reopening.statusCode()).as(reopening.body()).isEqualTo(201);
                List<ComplaintUpdated> updates = pipeline.readAll(pipeline.topics.complaintsUpdated().name()).stream()
                        .map(r -> pipeline.topics.complaintsUpdated().valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .toList();
                assertThat(updates).extracting(ComplaintUpdated::getComplaintId, ComplaintUpdated::getAction).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fb-b", UpdateAction.RESOLVE), org.assertj.core.groups.Tuple.tuple("fb-r", UpdateAction.REOPEN));

                List<ComplaintAcknowledged> acks = pipeline.readAll(pipeline.topics.complaintsAcknowledged().name()).stream()
                        .map(r -> pipeline.topics.complaintsAcknowledged().valueSerde().deserializer().deserialize(r.topic(), r.value()))
                        .toList();
                assertThat(acks).extracting(ComplaintAcknowledged::getComplaintId).containsExactlyInAnyOrder("fb-a", "fb-s");
                assertThat(acks).allSatisfy(a -> assertThat(a.getAgent()).isEqualTo("grace"));

                await().atMost(Duration.ofSeconds(60)).until(() -> call(app, "GET", "/metrics", null, null).body()
                        .contains("heed_responder_replies_total{channel=\"NONE\",outcome=\"UNDELIVERABLE\"} 1.0"));
            }
        }
    }
}
