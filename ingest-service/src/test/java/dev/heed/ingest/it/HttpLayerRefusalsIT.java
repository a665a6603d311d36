package dev.heed.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.http.HttpLayerCases;
import dev.heed.ingest.http.HttpTestClient;
import dev.heed.ingest.http.RawHttp;
import dev.heed.ingest.http.SlowBody;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the HTTP layer, sent over a real socket to the real service against the real broker:
 * its status, a problem document, and not one record written.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpLayerRefusalsIT {
    private static final String TOPIC = TopicNames.FEEDBACK_RECEIVED;
    private final String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    private Stack stack;
    private IngestApplication app;
    private TopicReader reader;

    @BeforeAll
    void start(Stack stack) {
        this.stack = stack;
        app = ItServices.start(stack.bootstrapServers(), stack.registryUrl(), Map.of(
                "HEED_INGEST_MAX_UPLOADS_PER_KEY", "2",
                "HEED_INGEST_MAX_UPLOADS", "3",
                "HEED_INGEST_BODY_IDLE_TIMEOUT", "PT6S",
                "HEED_INGEST_AUTH_FAILURES", "20"));
        reader = new TopicReader(stack.bootstrapServers(), stack.registryUrl());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String valid(String id) {
        return HttpTestClient.quotes("{'eventId':'%s','channel':'WEB','text':'x','occurredAt':'%s'}").formatted(id, past);
    }

    private RawHttp.Answer assertRefusedUntouched(int status, Supplier<RawHttp.Answer> request) {
        long before = reader.endOffsetSum(TOPIC);
        RawHttp.Answer answer = request.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").intValue()).isEqualTo(status);
        assertThat(reader.endOffsetSum(TOPIC)).as("topic untouched by a %d", status).isEqualTo(before);
        return answer;
    }

    List<HttpLayerCases.Malformed> malformed() {
        return HttpLayerCases.malformed(ItServices.WEB_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRefuseMalformedHttpWithAProblemWithoutWriting(HttpLayerCases.Malformed malformed) {
        assertRefusedUntouched(malformed.status(), () -> RawHttp.exchange(app.port(), malformed.request()));
    }

    List<HttpLayerCases.WrongMethod> wrongMethods() {
        return HttpLayerCases.wrongMethods();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongMethods")
    void shouldRefuseAWrongMethodWith405AndAllowWithoutWriting(HttpLayerCases.WrongMethod wrong) {
        String body = valid(stack.uniqueName("method"));
        RawHttp.Answer answer = assertRefusedUntouched(405, () -> RawHttp.exchange(app.port(), wrong.method() + " " + wrong.path()
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: " + ItServices.WEB_KEY
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
        assertThat(answer.header("Allow")).isEqualTo(wrong.allowed());
    }

    @Test
    void shouldLimitWrongKeysPerAddressWhileAValidKeyGoesOn() {
        var http = new HttpTestClient("http://127.0.0.1:" + app.port());
        long before = reader.endOffsetSum(TOPIC);
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 200; i++) {
            var answer = http.post("/v1/feedback", "application/json", valid(stack.uniqueName("wrong")), "X-API-Key", "wrong-" + i);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            if (answer.status() == 429) {
                assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
                limited++;
            } else {
                assertThat(answer.status()).isEqualTo(401);
                unauthorized++;
            }
        }
        assertThat(unauthorized).isEqualTo(20);
        assertThat(limited).isEqualTo(180);
        assertThat(reader.endOffsetSum(TOPIC)).isEqualTo(before);

        String id = stack.uniqueName("good");
        assertThat(http.post("/v1/feedback", "application/json", valid(id), "X-API-Key", ItServices.CHAT_KEY).status()).isEqualTo(202);
        assertThat(reader.readAll(TOPIC)).filteredOn(r -> id.equals(r.raw().key())).hasSize(1);
    }

    @Test
    void shouldRefuseUploadsOverTheCapsAndBodiesThatStallWithoutWriting() {
        List<String> ids = List.of(stack.uniqueName("slow"), stack.uniqueName("slow"), stack.uniqueName("slow"));
        List<SlowBody> slow = new ArrayList<>();
        try {
            slow.add(startUpload(ItServices.WEB_KEY, ids.get(0), 1));
            slow.add(startUpload(ItServices.WEB_KEY, ids.get(1), 2));
            RawHttp.Answer overKey = assertRefusedUntouched(429,
                    () -> SlowBody.start(app.port(), ItServices.WEB_KEY, valid(stack.uniqueName("over-key")), 10).sendUntilAnswered());
            assertThat(overKey.header("Retry-After")).isNotNull();

            slow.add(startUpload(ItServices.CHAT_KEY, ids.get(2), 3));
            RawHttp.Answer overAll = assertRefusedUntouched(503,
                    () -> SlowBody.start(app.port(), ItServices.CHAT_KEY, valid(stack.uniqueName("over-all")), 10).sendUntilAnswered());
            assertThat(overAll.header("Retry-After")).isNotNull();

            long before = reader.endOffsetSum(TOPIC);
            for (SlowBody body : slow) {
                RawHttp.Answer stalled = body.answer();
                assertThat(stalled.status()).isEqualTo(408);
                assertThat(stalled.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(reader.endOffsetSum(TOPIC)).isEqualTo(before);
            assertThat(reader.readAll(TOPIC)).noneMatch(r -> ids.contains(r.raw().key()));
        } finally {
            slow.forEach(SlowBody::close);
        }
    }

    /** Starts a body and trickles it until the server counts it as the {@code count}th upload in progress. */
    private SlowBody startUpload(String key, String id, int count) {
        SlowBody body = SlowBody.start(app.port(), key, valid(id), 10);
        body.sendUntil(() -> uploadsInProgress() == count);
        return body;
    }

    private int uploadsInProgress() {
        return (int) new HttpTestClient("http://127.0.0.1:" + app.port()).metric("heed_ingest_uploads_in_progress");
    }
}
