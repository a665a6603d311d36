package dev.heed.ingest.it;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.http.HttpTestClient;
import dev.heed.ingest.http.HttpTestClient.Answer;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every refusal, produced by a real request against the real service, leaves the topic as it was. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsIT {
    private final String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    private IngestApplication app;
    private HttpTestClient http;
    private TopicReader reader;
    private Stack stack;

    @BeforeAll
    void start(Stack stack) {
        this.stack = stack;
        // A token every 100 s: a bucket emptied by the rate test stays empty while it checks the topic.
        app = ItServices.start(stack.bootstrapServers(), stack.registryUrl(), Map.of("HEED_INGEST_MAX_BODY_BYTES", "2048",
                "HEED_INGEST_RATE_PER_SECOND", "0.01"));
        http = new HttpTestClient("http://127.0.0.1:" + app.port());
        reader = new TopicReader(stack.bootstrapServers(), stack.registryUrl());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String valid(String id) {
        return quotes("{'eventId':'%s','channel':'WEB','text':'x','occurredAt':'%s'}").formatted(id, past);
    }

    private void assertUntouched(int status, Supplier<Answer> request) {
        long before = reader.endOffsetSum(TopicNames.FEEDBACK_RECEIVED);
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reader.endOffsetSum(TopicNames.FEEDBACK_RECEIVED)).as("topic untouched by a %d", status).isEqualTo(before);
    }

    private Answer post(String contentType, String body, String... headers) {
        return http.post("/v1/feedback", contentType, body, headers);
    }

    @Test
    void shouldRefuseEachErrorWithoutWriting() {
        String key = ItServices.WEB_KEY;
        assertUntouched(400, () -> post("application/json", quotes("{'channel':'FAX','receivedAt':'" + past + "'}"), "X-API-Key", key));
        assertUntouched(401, () -> post("application/json", valid(stack.uniqueName("r")), "X-API-Key", "wrong"));
        assertUntouched(403, () -> post("application/json", valid(stack.uniqueName("r")).replace("{", "{\"sourceSystem\":\"chat-gw\","),
                "X-API-Key", key));
        assertUntouched(413, () -> post("application/json", valid("big").replace("\"x\"", "\"" + "x".repeat(3000) + "\""), "X-API-Key", key));
        assertUntouched(415, () -> post("application/xml", "<feedback/>", "X-API-Key", key));
        assertUntouched(422, () -> post("application/json", valid(stack.uniqueName("r")).replace(past, "2099-01-01T00:00:00Z"), "X-API-Key", key));
    }

    @Test
    void shouldRefuseAReusedIdWithOtherContentWithoutWriting() {
        String id = stack.uniqueName("reuse");
        assertThat(post("application/json", valid(id), "X-API-Key", ItServices.WEB_KEY).status()).isEqualTo(202);
        assertUntouched(422, () -> post("application/json", valid(id).replace("\"x\"", "\"changed\""), "X-API-Key", ItServices.WEB_KEY));
    }

    @Test
    void shouldRefuseAKeyOverItsRateWithoutWriting() {
        // The burst is 100: spend it on cheap invalid requests, then a valid one is refused.
        for (int i = 0; i < 110 && post("application/json", "{}", "X-API-Key", ItServices.THROTTLED_KEY).status() != 429; i++) {
            // keep spending
        }
        assertUntouched(429, () -> post("application/json", valid(stack.uniqueName("r")), "X-API-Key", ItServices.THROTTLED_KEY));
    }
}
