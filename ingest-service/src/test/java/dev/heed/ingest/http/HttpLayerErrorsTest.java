package dev.heed.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the HTTP server itself answers, before any route runs (malformed requests Jetty refuses while parsing,
 * wrong methods), is a problem document like every other answer of this API, never an HTML error page.
 */
class HttpLayerErrorsTest {
    @RegisterExtension
    static final ServerFixture fixture = new ServerFixture(Map.of());

    private static final String KEY = "X-API-Key: " + ServerFixture.WEB_KEY + "\r\n";

    /** Requests no HTTP client library would send, and the status each must get. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a Content-Length that is not a number", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
                Arguments.of("two Content-Lengths", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + KEY + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
                Arguments.of("Transfer-Encoding and Content-Length", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + KEY + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"),
                Arguments.of("a header line without a colon", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\nthis is junk\r\n\r\n"),
                Arguments.of("a control character in a header", 400,
                        "GET /health/live HTTP/1.1\r\nHost: x\r\nX: a\u0001b\r\n\r\n"),
                Arguments.of("no Host in HTTP/1.1", 400, "GET /health/live HTTP/1.1\r\n\r\n"),
                Arguments.of("two Hosts", 400, "GET /health/live HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"),
                Arguments.of("a path that climbs above the root", 400, "GET /../health/live HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("an encoded NUL in the path", 400, "POST /v1/feedback%00 HTTP/1.1\r\nHost: x\r\n" + KEY + "Content-Length: 0\r\n\r\n"),
                Arguments.of("an ambiguous path parameter", 400, "GET /v1/feedback/..;/x HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("a request line that is not one", 400, "GARBAGE\r\n\r\n"),
                Arguments.of("a URI over the limit", 414, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("an unknown expectation", 417, "GET /health/live HTTP/1.1\r\nHost: x\r\nExpect: 100-continue-x\r\n\r\n"),
                Arguments.of("headers over the limit", 431, "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"),
                Arguments.of("HTTP/2 without h2c, as a request line", 426, "GET /health/live HTTP/2.0\r\nHost: x\r\n\r\n"),
                Arguments.of("the HTTP/2 preface on an HTTP/1.1 port", 426, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                Arguments.of("HTTP/3.0", 505, "GET /health/live HTTP/3.0\r\nHost: x\r\n\r\n"),
                Arguments.of("HTTP/0.9", 505, "GET /health/live\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("malformed")
    void shouldAnswerMalformedRequestsWithAProblem(String what, int status, String request) {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").intValue()).isEqualTo(status);
        assertThat(answer.json().get("type").textValue()).startsWith("urn:heed:problem:");
        assertThat(fixture.publisher.written).isEmpty();
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(
                Arguments.of("GET", "/v1/feedback", "POST, OPTIONS"),
                Arguments.of("PUT", "/v1/feedback", "POST, OPTIONS"),
                Arguments.of("DELETE", "/v1/feedback/batch", "POST, OPTIONS"),
                Arguments.of("PATCH", "/v1/feedback/batch", "POST, OPTIONS"),
                Arguments.of("POST", "/health/live", "GET, HEAD, OPTIONS"),
                Arguments.of("DELETE", "/openapi.json", "GET, HEAD, OPTIONS"));
    }

    @ParameterizedTest(name = "{0} {1} → 405")
    @MethodSource("wrongMethods")
    void shouldAnswerAWrongMethodWith405AndWhatIsAllowed(String method, String path, String allowed) {
        for (String key : new String[] {"", KEY}) {
            RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(),
                    method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 0\r\n\r\n");

            assertThat(answer.status()).as(answer.body()).isEqualTo(405);
            assertThat(answer.header("Allow")).isEqualTo(allowed);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").textValue()).isEqualTo("urn:heed:problem:method-not-allowed");
        }
    }

    @Test
    void shouldAnswerOptionsWithWhatIsAllowed() {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), "OPTIONS /v1/feedback HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void shouldStillAnswerUnknownPathsWith404() {
        RawHttp.Answer answer = RawHttp.exchange(fixture.server.port(), "DELETE /v1/nothing HTTP/1.1\r\nHost: x\r\n" + KEY + "\r\n");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
