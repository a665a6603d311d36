package dev.heed.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream system posting feedback to ingest's HTTP API at a steady rate, as a well-behaved client does:
 * a 503 is retried with the same event id after its {@code Retry-After}, so is a request that got no answer;
 * every answer goes into the {@link Ledger}. A third of the feedback are complaints that escalate.
 *
 * <p>Contract: {@link #stopPosting()} ends new feedback; retries go on until each id is accepted or the
 * generator is closed. Any status but 202 and 503 is recorded in {@link #unexpected()}: the test fails on it.
 */
final class LoadGenerator implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration RETRY_UNANSWERED = Duration.ofSeconds(1);
    private static final String[] TEXTS = {
        "Charged twice for one order and nobody answers my emails. I want a refund now!",
        "Lovely service, the parcel came a day early. Thank you!",
        "Could you add a way to change the delivery address after ordering?",
    };
    private static final int[] RATINGS = {1, 5, 3};

    private final URI endpoint;
    private final String apiKey;
    private final int perSecond;
    private final Ledger ledger;
    private final Clock clock;
    private final String run;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faults-load");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> unexpected = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean posting = true;
    private volatile boolean customerEmails;

    LoadGenerator(URI ingest, String apiKey, int perSecond, Ledger ledger, Clock clock, String run) {
        this.endpoint = ingest.resolve("/v1/feedback");
        this.apiKey = apiKey;
        this.perSecond = perSecond;
        this.ledger = ledger;
        this.clock = clock;
        this.run = run;
    }

    /**
     * Every other feedback (odd numbers) names its customer's e-mail address ({@link #customerEmail}), so a source
     * that prefers e-mail answers those by e-mail and the rest by its webhook. Before {@link #start()}.
     */
    LoadGenerator withCustomerEmails() {
        customerEmails = true;
        return this;
    }

    /** The customer e-mail address a feedback id carries under {@link #withCustomerEmails()}: odd numbers only, else null. */
    static String customerEmail(String id) {
        long n = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        return n % 2 == 1 ? id + "@customers.example.com" : null;
    }

    LoadGenerator start() {
        timer.scheduleAtFixedRate(this::postNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    void stopPosting() {
        posting = false;
    }

    /** Ids posted and not accepted yet (being retried). */
    int pending() {
        return pending.size();
    }

    /** Answers other than 202 and 503, by status. */
    Map<String, Integer> unexpected() {
        return Map.copyOf(unexpected);
    }

    /**
     * For a complaint's id ({@code fb-<run>-<n>} with the complaint text), its number among the run's complaints
     * (0, 1, 2, ...); -1 for feedback that is no complaint.
     */
    static long complaintNumber(String id) {
        long n = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        return n % TEXTS.length == 0 ? n / TEXTS.length : -1;
    }

    private void postNext() {
        if (!posting) {
            return;
        }
        long n = sequence.getAndIncrement();
        String id = "fb-" + run + "-" + n;
        pending.add(id);
        ledger.posted(id);
        int kind = (int) (n % TEXTS.length);
        String body;
        try {
            // Built once: a retry sends the very same body, or ingest rightly answers 422 when the first attempt
            // was written after all (an answer that never arrived) and the retry's occurredAt differs.
            Map<String, Object> feedback = new java.util.HashMap<>(Map.of("eventId", id, "channel", "WEB", "text", TEXTS[kind],
                    "rating", RATINGS[kind], "occurredAt", clock.instant().toString()));
            String email = customerEmails ? customerEmail(id) : null;
            if (email != null) {
                feedback.put("customer", Map.of("email", email));
            }
            body = json.writeValueAsString(feedback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        post(id, body);
    }

    private void post(String id, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                ledger.unanswered(id);
                retry(id, body, RETRY_UNANSWERED);
            } else if (response.statusCode() == 202) {
                ledger.accepted(id, partition(response.body()), clock.instant());
                pending.remove(id);
            } else if (response.statusCode() == 503) {
                ledger.refused(id);
                retry(id, body, Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
            } else {
                unexpected.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                pending.remove(id);
            }
        });
    }

    private void retry(String id, String body, Duration after) {
        try {
            timer.schedule(() -> post(id, body), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: the test is over, and the id stays pending in the ledger's eyes
        }
    }

    private int partition(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.get("partition").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException("a 202 without a partition: " + body, e);
        }
    }

    @Override
    public void close() {
        posting = false;
        timer.shutdownNow();
    }
}
