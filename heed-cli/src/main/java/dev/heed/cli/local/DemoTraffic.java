package dev.heed.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code heed up --demo}: a steady, realistic mix of feedback posted to the ingest API as an upstream
 * system would (praise, suggestions, questions, and complaints of each category and severity), and about
 * a third of the complaints acknowledged a little later through the responder's API, so the rest keep
 * raising their hands, climbing levels, on the console.
 */
final class DemoTraffic implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Sample> SAMPLES = List.of(
            new Sample("WEB", 5, "The delivery was quick and the driver was lovely. Thank you!", false),
            new Sample("REVIEW", 4, "Great product, works exactly as described.", false),
            new Sample("SURVEY", null, "It would be great if the app had a dark mode.", false),
            new Sample("CHAT", null, "Do you ship to Norway, and how long does it take?", false),
            new Sample("EMAIL", 1, "I was charged twice for order 4411 and nobody answers the phone. I want a refund.", true),
            new Sample("WEB", 2, "My parcel is three weeks late and the tracking has not moved since Monday.", true),
            new Sample("SOCIAL", 1, "Third time I'm writing. If this is not fixed I will cancel my subscription.", true),
            new Sample("PHONE", 1, "The charger overheated and burned my hand. This is dangerous.", true),
            new Sample("EMAIL", 2, "The staff at the counter were rude and dismissive.", true),
            new Sample("WEB", 2, "The app crashes every time I try to check out.", true),
            new Sample("REVIEW", 1, "The box arrived damaged and the glass inside was broken.", true),
            new Sample("EMAIL", 1, "My lawyer will be in touch about the deposit you never returned.", true));

    private record Sample(String channel, Integer rating, String text, boolean complaint) {}

    private final LocalRunConfig config;
    private final PrintStream out;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "heed-demo");
        thread.setDaemon(true);
        return thread;
    });
    private final Random random = new Random();

    DemoTraffic(LocalRunConfig config, PrintStream out, Clock clock) {
        this.config = config;
        this.out = out;
        this.clock = clock;
    }

    void start(Duration every) {
        scheduler.scheduleWithFixedDelay(this::postOne, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void postOne() {
        Sample sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
        String id = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            int status = post(URI.create("http://127.0.0.1:" + config.ingestPort() + "/v1/feedback"),
                    ServiceCatalog.DEMO_API_KEY, feedback(id, sample));
            out.printf("  demo: posted %s (%s) -> %d%n", id, sample.complaint() ? "complaint" : "feedback", status);
            if (sample.complaint() && random.nextInt(3) == 0) {
                // Acknowledged between 20 s and 80 s later: some before their first warning, some after.
                scheduler.schedule(() -> acknowledge(id), 20 + random.nextInt(60), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            out.println("  demo: could not post (" + e.getMessage() + "), trying again");
        }
    }

    private void acknowledge(String id) {
        ObjectNode body = JSON.createObjectNode().put("agent", "demo-agent").put("note", "Taken by the demo");
        try {
            int status = post(URI.create("http://127.0.0.1:" + config.responderPort() + "/v1/complaints/" + id + "/acknowledgements"),
                    ServiceCatalog.DEMO_AGENT_TOKEN, body.toString());
            out.printf("  demo: acknowledged %s -> %d%n", id, status);
        } catch (Exception e) {
            out.println("  demo: could not acknowledge " + id + " (" + e.getMessage() + ")");
        }
    }

    private String feedback(String id, Sample sample) {
        ObjectNode body = JSON.createObjectNode().put("eventId", id).put("channel", sample.channel())
                .put("text", sample.text()).put("occurredAt", clock.instant().toString());
        if (sample.rating() != null) {
            body.put("rating", sample.rating());
        }
        body.putObject("customer").put("displayName", "Demo customer").put("email", id + "@customers.example");
        return body.toString();
    }

    private int post(URI uri, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
