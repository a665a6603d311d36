package dev.heed.ingest.problem;

import dev.heed.runtime.http.Problem;
import java.time.Duration;
import java.util.Map;

/**
 * The problems of the HTTP layer rather than of the feedback: requests the server cannot read as HTTP, wrong
 * methods, bodies that arrive too slowly, too many uploads at once, and too many failed authentications.
 */
public final class HttpLayerProblems {
    // Stable type names for what Jetty refuses while it parses; any other status gets "http-<status>".
    private static final Map<Integer, String> SLUGS = Map.of(
            400, "malformed-request",
            404, "not-found",
            405, "method-not-allowed",
            408, "request-timeout",
            414, "uri-too-long",
            417, "expectation-failed",
            426, "upgrade-required",
            431, "headers-too-large",
            505, "http-version-not-supported");

    private HttpLayerProblems() {}

    /**
     * What the server answers for an error it found itself. A client error names what was wrong (the server's
     * own words, e.g. "Multiple Content-Lengths"); a server error says nothing of its cause, which is logged.
     */
    public static Problem serverError(int status, String title, String reason) {
        if (status >= 500 && status != 505) {
            return Problem.of(status, status == 500 ? "internal" : "http-" + status, title,
                    "The request failed in the server; nothing was accepted.");
        }
        String detail = reason == null || reason.isBlank() || reason.equals(title)
                ? "The request was refused by the HTTP layer: " + title + "."
                : "The request was refused by the HTTP layer: " + reason + ".";
        return Problem.of(status, SLUGS.getOrDefault(status, "http-" + status), title, detail);
    }

    public static Problem methodNotAllowed(String method, String path, String allowed) {
        return Problem.of(405, "method-not-allowed", "Method not allowed",
                method + " is not served at " + path + "; the Allow header lists what is (" + allowed + ").");
    }

    public static Problem bodyTimeout(String why) {
        return Problem.of(408, "body-timeout", "The request body did not arrive in time",
                why + "; nothing was accepted. Send the whole body without pauses and retry with the same event id.");
    }

    public static Problem tooManyUploadsForKey(int limit, Duration wait) {
        return Problem.of(429, "too-many-uploads", "Too many uploads at once for this API key",
                "This API key already has " + limit + " request bodies on their way; retry once one of them has arrived.")
                .withRetryAfter(wait);
    }

    public static Problem tooManyUploads(int limit, Duration wait) {
        return Problem.of(503, "busy", "Too many uploads at once",
                "The instance is receiving " + limit + " request bodies already; nothing was accepted. Retry with the same event id.")
                .withRetryAfter(wait);
    }

    public static Problem tooManyFailedAuthentications(Duration wait) {
        return Problem.of(429, "too-many-failed-authentications", "Too many requests without a valid API key",
                "This client address sent too many requests without a valid API key. Requests with a valid key are still served.")
                .withRetryAfter(wait);
    }
}
