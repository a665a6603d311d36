package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.FeedbackReceived;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies that arrive slowly, stop half-way or never end: each is bounded in time and in number (per key and
 * in all), answered with a problem, and never written unless it arrived whole.
 */
class SlowUploadsTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of(
            "HEED_INGEST_MAX_UPLOADS_PER_KEY", "2",
            "HEED_INGEST_MAX_UPLOADS", "3"));

    /** No pause in a body may last 1 s. */
    @RegisterExtension
    static final ServerFixture impatient = new ServerFixture(Map.of("HEED_INGEST_BODY_IDLE_TIMEOUT", "PT1S"));

    /** The whole body must arrive within 2 s, whatever the pace. */
    @RegisterExtension
    static final ServerFixture bounded = new ServerFixture(Map.of("HEED_INGEST_BODY_TIMEOUT", "PT2S"));

    /** A deadline short enough to fall, again and again, while bytes keep coming. */
    @RegisterExtension
    static final ServerFixture hurried = new ServerFixture(Map.of("HEED_INGEST_BODY_TIMEOUT", "150ms", "HEED_INGEST_MAX_BODY_BYTES", "65536"));

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void closeAll() throws Exception {
        trickle.shutdownNow();
        for (AutoCloseable connection : open) {
            connection.close();
        }
    }

    private SlowBody start(ServerFixture server, String key, String id) {
        SlowBody slow = SlowBody.start(server.server.port(), key, FeedbackEndpointTest.VALID.formatted(id), 10);
        open.add(slow);
        return slow;
    }

    /** Starts a body and trickles it until the server counts it as an upload in progress (the {@code count}th). */
    private SlowBody startUpload(ServerFixture server, String key, String id, int count) {
        SlowBody slow = start(server, key, id);
        slow.sendUntil(() -> uploadsInProgress(server) == count);
        return slow;
    }

    private static int uploadsInProgress(ServerFixture server) {
        return (int) server.http.metric("heed_ingest_uploads_in_progress");
    }

    private static void awaitNoUploads(ServerFixture server) {
        await().atMost(Duration.ofSeconds(10)).until(() -> uploadsInProgress(server) == 0);
    }

    private static List<String> written(ServerFixture server) {
        return server.publisher.written.stream().map(FeedbackReceived::getEventId).toList();
    }

    @Test
    void shouldAcceptABodyThatArrivesInPartsWithoutPauses() {
        SlowBody slow = startUpload(fixture, ServerFixture.WEB_KEY, "parts-1", 1);
        slow.finish();

        assertThat(slow.answer().status()).isEqualTo(202);
        assertThat(written(fixture)).contains("parts-1");
        awaitNoUploads(fixture);
    }

    @Test
    void shouldCapUploadsPerKeyWith429AndInAllWith503WhileOtherKeysGoOn() {
        SlowBody first = startUpload(fixture, ServerFixture.WEB_KEY, "cap-1", 1);
        SlowBody second = startUpload(fixture, ServerFixture.WEB_KEY, "cap-2", 2);

        RawHttp.Answer overKey = start(fixture, ServerFixture.WEB_KEY, "cap-3").sendUntilAnswered();
        assertThat(overKey.status()).isEqualTo(429);
        assertThat(overKey.header("Retry-After")).isEqualTo("5");
        assertThat(overKey.header("Connection")).isEqualTo("close");
        assertThat(overKey.json().get("type").textValue()).isEqualTo("urn:heed:problem:too-many-uploads");
        assertThat(fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("cap-other"),
                "X-API-Key", ServerFixture.ZENDESK_KEY).status()).isEqualTo(202);

        SlowBody third = startUpload(fixture, ServerFixture.ZENDESK_KEY, "cap-4", 3);
        RawHttp.Answer overAll = start(fixture, ServerFixture.ZENDESK_KEY, "cap-5").sendUntilAnswered();
        assertThat(overAll.status()).isEqualTo(503);
        assertThat(overAll.header("Retry-After")).isEqualTo("5");
        assertThat(overAll.json().get("type").textValue()).isEqualTo("urn:heed:problem:busy");

        for (SlowBody slow : List.of(first, second, third)) {
            slow.finish();
            assertThat(slow.answer().status()).isEqualTo(202);
        }
        assertThat(written(fixture)).contains("cap-1", "cap-2", "cap-4", "cap-other").doesNotContain("cap-3", "cap-5");
    }

    @Test
    void shouldAnswer408AndWriteNothingWhenTheBodyPausesTooLong() {
        RawHttp.Answer answer = startUpload(impatient, ServerFixture.WEB_KEY, "idle-1", 1).answer();

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").textValue()).contains("no part of the body arrived for PT1S");
        assertThat(written(impatient)).doesNotContain("idle-1");
        awaitNoUploads(impatient);
    }

    @Test
    void shouldAnswer408WhenTheWholeBodyTakesTooLongEvenWithoutPauses() {
        SlowBody slow = start(bounded, ServerFixture.WEB_KEY, "trickle-1");
        // A byte every 100 ms: never idle, but the whole body would take about 12 s.
        trickle.scheduleAtFixedRate(() -> slow.send(1), 100, 100, TimeUnit.MILLISECONDS);

        RawHttp.Answer answer = slow.answer();
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.json().get("detail").textValue()).contains("the body did not arrive within PT2S");
        assertThat(written(bounded)).doesNotContain("trickle-1");
    }

    /**
     * The deadline falls while Jetty is busy with the bytes that keep coming, at a different moment each time:
     * every body still gets its 408, and none is written. (A server that left the answer to Jetty waking the
     * read hung here once in CI, holding the connection open for good.)
     */
    @RepeatedTest(20)
    void shouldAnswerEveryBodyWhoseDeadlineFallsWhileBytesKeepComing(RepetitionInfo repetition) {
        String id = "hurried-" + repetition.getCurrentRepetition();
        SlowBody slow = SlowBody.start(hurried.server.port(), ServerFixture.WEB_KEY,
                FeedbackEndpointTest.VALID.formatted(id).replace("Broken parcel", "x".repeat(1000)), 10);
        open.add(slow);
        // One byte every 1-3 ms: the whole body would take seconds, the deadline falls after 150 ms.
        long pace = 1_000 + 500L * repetition.getCurrentRepetition() % 2_000;
        trickle.scheduleAtFixedRate(() -> slow.send(1), pace, pace, TimeUnit.MICROSECONDS);

        RawHttp.Answer answer = slow.answer();
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.json().get("detail").textValue()).contains("the body did not arrive within PT0.15S");
        assertThat(written(hurried)).doesNotContain(id);
    }

    @Test
    void shouldNeverWriteABodyCutOffMidWay() throws IOException {
        startUpload(fixture, ServerFixture.WEB_KEY, "cut-1", 1).close();
        awaitNoUploads(fixture);

        var chunked = new Socket("127.0.0.1", fixture.server.port());
        open.add(chunked);
        String body = FeedbackEndpointTest.VALID.formatted("cut-2");
        // A whole JSON value in a first chunk, and the connection closed before the last (empty) chunk.
        chunked.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                + ServerFixture.WEB_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        chunked.getOutputStream().flush();
        chunked.close();

        awaitNoUploads(fixture);
        assertThat(fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("after-cut"),
                "X-API-Key", ServerFixture.WEB_KEY).status()).isEqualTo(202);
        assertThat(written(fixture)).contains("after-cut").doesNotContain("cut-1", "cut-2");
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTheLimitThatArrivesInParts() throws IOException {
        var socket = new Socket("127.0.0.1", fixture.server.port());
        open.add(socket);
        socket.setSoTimeout(30_000);
        String chunk = "x".repeat(3000);
        socket.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                + ServerFixture.WEB_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        socket.getOutputStream().write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();

        assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(413);
        awaitNoUploads(fixture);
    }
}
