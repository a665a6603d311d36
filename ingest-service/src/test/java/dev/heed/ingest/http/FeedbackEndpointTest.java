package dev.heed.ingest.http;

import static dev.heed.ingest.http.HttpTestClient.quotes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.ingest.http.HttpTestClient.Answer;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedbackEndpointTest {
    static final String VALID = quotes("{'eventId':'%s','channel':'WEB','text':'Broken parcel','rating':1,'occurredAt':'2026-11-24T09:00:00Z'}");
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of());

    private Answer post(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + ServerFixture.WEB_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return fixture.http.post("/v1/feedback", "application/json", body, all);
    }

    @Test
    void shouldAnswer202WithWhereTheFeedbackLanded() {
        Answer answer = post(VALID.formatted("single-1"));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode body = answer.json();
        assertThat(body.get("eventId").textValue()).isEqualTo("single-1");
        assertThat(body.get("topic").textValue()).isEqualTo("feedback.received");
        assertThat(body.fieldNames()).toIterable().contains("partition", "offset", "ingestId", "receivedAt");
        assertThat(fixture.publisher.written).anySatisfy(e -> assertThat(e.getEventId()).isEqualTo("single-1"));
    }

    @Test
    void shouldAcceptTheKeyInXApiKeyToo() {
        Answer answer = fixture.http.post("/v1/feedback", "application/json; charset=utf-8", VALID.formatted("single-2"),
                "X-API-Key", ServerFixture.WEB_KEY);
        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void shouldAnswer401WithoutAValidKey() {
        Answer none = fixture.http.post("/v1/feedback", "application/json", VALID.formatted("single-3"));
        Answer wrong = fixture.http.post("/v1/feedback", "application/json", VALID.formatted("single-3"), "Authorization", "Bearer guess");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void shouldAnswer403ForAKeyPostingAsAnotherSource() {
        Answer answer = post(quotes("{'sourceSystem':'zendesk','channel':'WEB','text':'x','occurredAt':'2026-11-24T09:00:00Z'}"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").textValue()).endsWith("wrong-source");
    }

    @Test
    void shouldAnswer400NamingEveryInvalidField() {
        Answer answer = post(quotes("{'channel':'FAX','rating':9,'receivedAt':'2026-11-24T09:00:00Z'}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/channel", "/rating", "/receivedAt", "/text", "/occurredAt");
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        assertThat(post("{not json").status()).isEqualTo(400);
        assertThat(post("").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer413OverTheBodyLimit() {
        String big = quotes("{'channel':'WEB','text':'" + "x".repeat(5000) + "','occurredAt':'2026-11-24T09:00:00Z'}");
        Answer answer = post(big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void shouldReadABodySentWithoutADeclaredLength() {
        Answer answer = fixture.http.postChunked("/v1/feedback", "application/json", VALID.formatted("chunked-1"),
                "X-API-Key", ServerFixture.WEB_KEY);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(fixture.publisher.written).anySatisfy(e -> assertThat(e.getEventId()).isEqualTo("chunked-1"));
    }

    @Test
    void shouldAnswer413ForABodyWithoutADeclaredLengthOverTheLimit() {
        String big = quotes("{'eventId':'chunked-big','channel':'WEB','text':'" + "x".repeat(5000) + "','occurredAt':'2026-11-24T09:00:00Z'}");
        Answer answer = fixture.http.postChunked("/v1/feedback", "application/json", big, "X-API-Key", ServerFixture.WEB_KEY);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("chunked-big"));
    }

    @Test
    void shouldAnswer400ForABodyShorterThanItsDeclaredLength() throws Exception {
        String body = VALID.formatted("short-1");
        try (var socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-API-Key: "
                    + ServerFixture.WEB_KEY + "\r\nContent-Length: " + (body.length() + 100) + "\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("the body could not be read");
        }
        assertThat(fixture.publisher.written).noneSatisfy(e -> assertThat(e.getEventId()).isEqualTo("short-1"));
    }

    @Test
    void shouldAnswer415ForAnUnknownContentType() {
        Answer answer = fixture.http.post("/v1/feedback", "text/plain", "hello", "X-API-Key", ServerFixture.WEB_KEY);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(fixture.http.post("/v1/feedback", null, "hello", "X-API-Key", ServerFixture.WEB_KEY).status()).isEqualTo(415);
    }

    @Test
    void shouldAnswer422ForAFutureTime() {
        Answer answer = post(quotes("{'channel':'WEB','text':'x','occurredAt':'2030-01-01T00:00:00Z'}"));
        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void shouldReplayARepeatAndRefuseTheSameKeyWithAnotherBody() {
        String body = quotes("{'channel':'WEB','text':'same','occurredAt':'2026-11-24T09:00:00Z'}");
        Answer first = post(body, "Idempotency-Key", "idem-1");
        Answer repeat = post(body, "Idempotency-Key", "idem-1");
        Answer changed = post(body.replace("same", "other"), "Idempotency-Key", "idem-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.raw().body()).isEqualTo(first.raw().body());
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(fixture.publisher.written).filteredOn(e -> e.getEventId().equals("idem-1")).hasSize(1);
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenTheKeyIsOverItsRate() {
        Answer last = null;
        for (int i = 0; i <= 20; i++) {
            last = fixture.http.post("/v1/feedback", "application/json", "{}", "X-API-Key", ServerFixture.ZENDESK_KEY);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isEqualTo("1");
        assertThat(post(VALID.formatted("single-4")).status()).as("other sources are unaffected").isEqualTo(202);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotTakeTheWrite() {
        fixture.publisher.failure = new TimeoutException("Expiring 1 record(s)");
        Answer answer = post(VALID.formatted("single-5"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        fixture.publisher.failure = null;
        assertThat(post(VALID.formatted("single-5")).status()).as("the retry is written").isEqualTo(202);
    }
}
