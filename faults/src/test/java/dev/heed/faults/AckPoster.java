package dev.heed.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An agent acknowledging complaints through the responder's API while the faults run, so that the verifier's
 * "reminders after acknowledgement" and "missing due points before the acknowledgement" count something: every
 * accepted id that {@code chosen} picks is acknowledged from {@link #AFTER} after its 202, meant to land before its
 * warning falls due (the fault stack's policies warn at 10 s and breach at 20 s). A 404 (the responder has not read
 * the escalation yet), a 503 and no answer are retried every half second until {@link #GIVE_UP}; 200 and 201 count
 * as done. Any other
 * answer is recorded in {@link #unexpected()}: the test fails on it.
 *
 * <p>Which acknowledgements took effect is not this class's business: the verifier reads
 * {@code complaints.acknowledged}. Thread-safe; {@link #close()} stops it.
 */
final class AckPoster implements AutoCloseable {
    static final Duration AFTER = Duration.ofSeconds(1);
    static final Duration GIVE_UP = Duration.ofSeconds(120);
    static final String AGENT = "faults-agent";
    static final String TOKEN = "faults-agent-token";
    private static final Duration RETRY = Duration.ofMillis(500);

    private final Supplier<URI> responder;
    private final Ledger ledger;
    private final Predicate<String> chosen;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faults-acks");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    /** Of the abandoned ids, how many by their last answer ("404", "503", "no answer"). */
    private final Map<String, Integer> abandonedBy = new ConcurrentHashMap<>();
    private final Map<String, Integer> unexpected = new ConcurrentHashMap<>();

    /**
     * @param responder where the responder answers now (it may move when the responder restarts)
     * @param chosen    which accepted ids to acknowledge (complaints only: others have nothing to acknowledge)
     */
    AckPoster(Supplier<URI> responder, Ledger ledger, Predicate<String> chosen) {
        this.responder = responder;
        this.ledger = ledger;
        this.chosen = chosen;
    }

    /** A poster that acknowledges nothing (never started). */
    static AckPoster none(Ledger ledger) {
        return new AckPoster(() -> URI.create("http://127.0.0.1:0"), ledger, id -> false);
    }

    AckPoster start() {
        timer.scheduleWithFixedDelay(this::scheduleNew, 0, 200, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Ids acknowledged (answered 200 or 201). */
    Set<String> acknowledged() {
        return Set.copyOf(done);
    }

    /** Ids given up on after {@link #GIVE_UP} of 404s, 503s or no answers. */
    Set<String> abandoned() {
        return Set.copyOf(abandoned);
    }

    /** Answers other than 200, 201, 404 and 503, by status and body. */
    Map<String, Integer> unexpected() {
        return Map.copyOf(unexpected);
    }

    /** {@code load}'s unexpected answers with this poster's added, marked as acknowledgements. */
    Map<String, Integer> addUnexpectedTo(Map<String, Integer> load) {
        Map<String, Integer> all = new java.util.HashMap<>(load);
        unexpected.forEach((answer, n) -> all.merge("acknowledgement: " + answer, n, Integer::sum));
        return Map.copyOf(all);
    }

    @Override
    public String toString() {
        return "acknowledgements: %d answered 200/201, %d given up %s, unexpected %s".formatted(done.size(),
                abandoned.size(), abandonedBy, unexpected);
    }

    private void scheduleNew() {
        for (String id : ledger.accepted()) {
            if (chosen.test(id) && seen.add(id)) {
                long deadline = System.nanoTime() + AFTER.plus(GIVE_UP).toNanos();
                later(() -> post(id, deadline), AFTER);
            }
        }
    }

    private void post(String id, long deadline) {
        HttpRequest request = HttpRequest.newBuilder(responder.get().resolve("/v1/complaints/" + id + "/acknowledgements"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"on it (fault suite)\"}")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            int status = error != null ? -1 : response.statusCode();
            if (status == 200 || status == 201) {
                done.add(id);
                ledger.acknowledgementAnswered(id, java.time.Instant.now());
            } else if (status == -1 || status == 404 || status == 503) {
                if (System.nanoTime() - deadline > 0) {
                    abandoned.add(id);
                    abandonedBy.merge(status == -1 ? "no answer" : Integer.toString(status), 1, Integer::sum);
                } else {
                    later(() -> post(id, deadline), RETRY);
                }
            } else {
                unexpected.merge(status + " " + response.body(), 1, Integer::sum);
            }
        });
    }

    private void later(Runnable task, Duration after) {
        try {
            timer.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: the test is over
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
