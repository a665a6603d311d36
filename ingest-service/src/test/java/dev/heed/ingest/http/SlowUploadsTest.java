package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.events.FeedbackReceived;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            "HEED_INGEST_MAX_UPLOADS", "3",
            "HEED_INGEST_BODY_IDLE_TIMEOUT", "PT1S",
            "HEED_INGEST_BODY_TIMEOUT", "PT30S"));

    /** The whole body must arrive within 2 s, whatever the pace. */
    @RegisterExtension
    static final ServerFixture bounded = new ServerFixture(Map.of("HEED_INGEST_BODY_TIMEOUT", "PT2S"));

    private final List<Socket> open = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void closeAll() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : open) {
            socket.close();
        }
    }

    /** Opens a connection and sends the head and the first {@code sent} bytes of a valid body for {@code id}. */
    private Socket start(ServerFixture server, String key, String id, int sent) throws IOException {
        String body = FeedbackEndpointTest.VALID.formatted(id);
        var socket = new Socket("127.0.0.1", server.server.port());
        open.add(socket);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: " + key
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body.substring(0, sent)).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static void finish(Socket socket, String id, int sent) throws IOException {
        socket.getOutputStream().write(FeedbackEndpointTest.VALID.formatted(id).substring(sent).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static void awaitUploads(ServerFixture server, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.http.get("/metrics").raw().body(),
                metrics -> metrics.contains("heed_ingest_uploads_in_progress " + count + ".0"));
    }

    private static List<String> written(ServerFixture server) {
        return server.publisher.written.stream().map(FeedbackReceived::getEventId).toList();
    }

    @Test
    void shouldAcceptABodyThatArrivesInPartsWithoutPauses() throws IOException {
        Socket socket = start(fixture, ServerFixture.WEB_KEY, "parts-1", 20);
        awaitUploads(fixture, 1);
        finish(socket, "parts-1", 20);

        assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(202);
        assertThat(written(fixture)).contains("parts-1");
        awaitUploads(fixture, 0);
    }

    @Test
    void shouldCapUploadsPerKeyWith429AndInAllWith503WhileOtherKeysGoOn() throws IOException {
        Socket first = start(fixture, ServerFixture.WEB_KEY, "cap-1", 10);
        Socket second = start(fixture, ServerFixture.WEB_KEY, "cap-2", 10);
        awaitUploads(fixture, 2);

        RawHttp.Answer overKey = RawHttp.read(start(fixture, ServerFixture.WEB_KEY, "cap-3", 10).getInputStream());
        assertThat(overKey.status()).isEqualTo(429);
        assertThat(overKey.header("Retry-After")).isEqualTo("5");
        assertThat(overKey.header("Connection")).isEqualTo("close");
        assertThat(overKey.json().get("type").textValue()).isEqualTo("urn:heed:problem:too-many-uploads");
        assertThat(fixture.http.post("/v1/feedback", "application/json", FeedbackEndpointTest.VALID.formatted("cap-other"),
                "X-API-Key", ServerFixture.ZENDESK_KEY).status()).isEqualTo(202);

        Socket third = start(fixture, ServerFixture.ZENDESK_KEY, "cap-4", 10);
        awaitUploads(fixture, 3);
        RawHttp.Answer overAll = RawHttp.read(start(fixture, ServerFixture.ZENDESK_KEY, "cap-5", 10).getInputStream());
        assertThat(overAll.status()).isEqualTo(503);
        assertThat(overAll.header("Retry-After")).isEqualTo("5");
        assertThat(overAll.json().get("type").textValue()).isEqualTo("urn:heed:problem:busy");

        finish(first, "cap-1", 10);
        finish(second, "cap-2", 10);
        finish(third, "cap-4", 10);
        for (Socket socket : List.of(first, second, third)) {
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(202);
        }
        assertThat(written(fixture)).contains("cap-1", "cap-2", "cap-4", "cap-other").doesNotContain("cap-3", "cap-5");
    }

    @Test
    void shouldAnswer408AndWriteNothingWhenTheBodyPausesTooLong() throws IOException {
        Socket socket = start(fixture, ServerFixture.WEB_KEY, "idle-1", 30);

        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").textValue()).contains("no part of the body arrived for PT1S");
        assertThat(written(fixture)).doesNotContain("idle-1");
        awaitUploads(fixture, 0);
    }

    @Test
    void shouldAnswer408WhenTheWholeBodyTakesTooLongEvenWithoutPauses() throws IOException {
        String id = "trickle-1";
        Socket socket = start(bounded, ServerFixture.WEB_KEY, id, 1);
        byte[] rest = FeedbackEndpointTest.VALID.formatted(id).substring(1).getBytes(StandardCharsets.UTF_8);
        int[] next = {0};
        // A byte every 100 ms: never idle, but the whole body would take about 12 s.
        trickle.scheduleAtFixedRate(() -> {
            try {
                socket.getOutputStream().write(rest[next[0]++]);
            } catch (IOException | ArrayIndexOutOfBoundsException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }, 100, 100, TimeUnit.MILLISECONDS);

        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.json().get("detail").textValue()).contains("the body did not arrive within PT2S");
        assertThat(written(bounded)).doesNotContain(id);
    }

    @Test
    void shouldNeverWriteABodyCutOffMidWay() throws IOException {
        Socket withLength = start(fixture, ServerFixture.WEB_KEY, "cut-1", 40);
        awaitUploads(fixture, 1);
        withLength.close();
        awaitUploads(fixture, 0);

        var chunked = new Socket("127.0.0.1", fixture.server.port());
        open.add(chunked);
        String body = FeedbackEndpointTest.VALID.formatted("cut-2");
        // A whole JSON value in a first chunk, and the connection closed before the last (empty) chunk.
        chunked.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                + ServerFixture.WEB_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        chunked.getOutputStream().flush();
        awaitUploads(fixture, 1);
        chunked.close();
        awaitUploads(fixture, 0);

        assertThat(written(fixture)).doesNotContain("cut-1", "cut-2");
    }

    @Test
    void shouldAnswer413ForASlowChunkedBodyOverTheLimit() throws IOException {
        var socket = new Socket("127.0.0.1", fixture.server.port());
        open.add(socket);
        socket.setSoTimeout(30_000);
        String chunk = "x".repeat(3000);
        socket.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-API-Key: "
                + ServerFixture.WEB_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        awaitUploads(fixture, 1);
        socket.getOutputStream().write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();

        assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(413);
        awaitUploads(fixture, 0);
    }
}
