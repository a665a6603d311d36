package dev.heed.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The responder whose acknowledge, update, resolution and reopening APIs {@code heed ack}, {@code heed update},
 * {@code heed resolve} and {@code heed reopen} call, and the bearer token it presents: {@code --responder}
 * first, then {@code HEED_RESPONDER_URL} and {@code HEED_ACK_TOKEN}, then the endpoints file that {@code heed up}
 * writes (its responder and the demo agent's token). The token is never taken from the command line, where
 * other users of the machine could read it in the process list.
 */
record Responder(String url, String token) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * POSTs the JSON {@code body} to the complaint's {@code resource} ("acknowledgements", "updates", "resolution",
     * "reopenings") with the bearer
     * token; a responder that does not answer is an {@link IOException} that names it.
     */
    HttpResponse<String> post(HttpClient http, String complaintId, String resource, String body)
            throws IOException, InterruptedException {
        return send(http, "POST", "/v1/complaints/" + segment(complaintId) + "/" + resource, body);
    }

    /** Sends {@code method} with the JSON {@code body} to {@code path} (segments encoded already, see {@link #segment}), with the token. */
    HttpResponse<String> send(HttpClient http, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the responder at " + url + " did not answer: " + e, e);
        }
    }

    /** One path segment, percent-encoded (a space as {@code %20}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Responder resolve(CliArgs args, Map<String, String> env, Path localRunFile) {
        Properties local = OptionSources.localRun(localRunFile);
        String url = OptionSources.first(args.option("responder"), env.get("HEED_RESPONDER_URL"), local.getProperty("responder.url"))
                .orElseThrow(() -> new UsageException("no responder given: pass --responder URL, set HEED_RESPONDER_URL, or run ./heed up"));
        String token = OptionSources.first(Optional.empty(), env.get("HEED_ACK_TOKEN"), local.getProperty("ack.token"))
                .orElseThrow(() -> new UsageException("no token given: set HEED_ACK_TOKEN to an agent or team token of the acknowledge API"));
        return new Responder(url.replaceAll("/+$", ""), token);
    }
}
