package dev.heed.ingest.http;

import java.util.List;

/**
 * What the HTTP layer must refuse on its own: requests no HTTP client library would send, each with the
 * status it must get, and methods the paths do not serve, with what they do.
 */
public final class HttpLayerCases {
    /** One malformed request: what is wrong with it, the status it must get, and its bytes. */
    public record Malformed(String what, int status, String request) {
        @Override
        public String toString() {
            return what + " → " + status;
        }
    }

    /** A method a path does not serve, and the {@code Allow} header its 405 must carry. */
    public record WrongMethod(String method, String path, String allowed) {
        @Override
        public String toString() {
            return method + " " + path + " → 405";
        }
    }

    private HttpLayerCases() {}

    public static List<WrongMethod> wrongMethods() {
        return List.of(
                new WrongMethod("GET", "/v1/feedback", "POST, OPTIONS"),
                new WrongMethod("PUT", "/v1/feedback", "POST, OPTIONS"),
                new WrongMethod("DELETE", "/v1/feedback/batch", "POST, OPTIONS"),
                new WrongMethod("PATCH", "/v1/feedback/batch", "POST, OPTIONS"),
                new WrongMethod("POST", "/health/live", "GET, HEAD, OPTIONS"),
                new WrongMethod("DELETE", "/openapi.json", "GET, HEAD, OPTIONS"));
    }

    /** Every malformed request; those that would otherwise reach a route carry {@code apiKey}, so only the malformation refuses them. */
    public static List<Malformed> malformed(String apiKey) {
        String key = "X-API-Key: " + apiKey + "\r\n";
        return List.of(
                new Malformed("a Content-Length that is not a number", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: abc\r\n\r\n"),
                new Malformed("two Content-Lengths", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
                new Malformed("Transfer-Encoding and Content-Length", 400,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"),
                new Malformed("a header line without a colon", 400, "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "this is junk\r\n\r\n"),
                new Malformed("a control character in a header", 400, "GET /health/live HTTP/1.1\r\nHost: x\r\nX: a\u0001b\r\n\r\n"),
                new Malformed("no Host in HTTP/1.1", 400, "POST /v1/feedback HTTP/1.1\r\n" + key + "Content-Length: 2\r\n\r\n{}"),
                new Malformed("two Hosts", 400, "GET /health/live HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"),
                new Malformed("a path that climbs above the root", 400, "GET /../health/live HTTP/1.1\r\nHost: x\r\n\r\n"),
                new Malformed("an encoded NUL in the path", 400, "POST /v1/feedback%00 HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 2\r\n\r\n{}"),
                new Malformed("an ambiguous path parameter", 400, "POST /v1/feedback/..;/x HTTP/1.1\r\nHost: x\r\n" + key + "Content-Length: 2\r\n\r\n{}"),
                new Malformed("a request line that is not one", 400, "GARBAGE\r\n\r\n"),
                new Malformed("a URI over the limit", 414, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                new Malformed("an unknown expectation", 417,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "Expect: 100-continue-x\r\nContent-Length: 2\r\n\r\n{}"),
                new Malformed("headers over the limit", 431,
                        "POST /v1/feedback HTTP/1.1\r\nHost: x\r\n" + key + "X-Big: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}"),
                new Malformed("HTTP/2 without h2c, as a request line", 426, "GET /health/live HTTP/2.0\r\nHost: x\r\n\r\n"),
                new Malformed("the HTTP/2 preface on an HTTP/1.1 port", 426, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                new Malformed("HTTP/3.0", 505, "POST /v1/feedback HTTP/3.0\r\nHost: x\r\n" + key + "Content-Length: 2\r\n\r\n{}"),
                new Malformed("HTTP/0.9", 505, "GET /health/live\r\n\r\n"));
    }
}
