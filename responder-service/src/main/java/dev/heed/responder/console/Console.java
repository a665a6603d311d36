package dev.heed.responder.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console's model: the timeline index and dead letters (fed by {@link #feed()}), the dashboard
 * (sampled on the scheduler), and the open list with the completeness figure (recomputed every second and
 * pushed to the pages only when it changed), with the ids whose timeline changed. The page's countdown runs in
 * the browser, so the list's JSON changes only when a complaint arrives, climbs or is acknowledged.
 */
public final class Console {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final Duration PUSH_EVERY = Duration.ofSeconds(1);

    private final ConsoleSettings settings;
    private final ComplaintDirectory directory;
    private final Clock clock;
    private final TimelineIndex index;
    private final TimelineFeed feed;
    private final TopicSampler sampler;
    private final ConsoleEvents events;
    private final ConsoleSessions sessions;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private volatile Dashboard dashboard = Dashboard.empty();

    public Console(ConsoleSettings settings, HeedTopics topics, ComplaintDirectory directory, Admin admin, TokenStore tokens, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
        this.index = new TimelineIndex(settings.maxComplaints(), settings.maxEventsPerComplaint());
        DeadLetters deadLetters = new DeadLetters(10);
        this.feed = new TimelineFeed(topics, index, deadLetters);
        this.sampler = new TopicSampler(admin, TimelineFeed.topicNames(topics),
                List.of(topics.routingDlq().name(), topics.responderDlq().name()), deadLetters, clock, Duration.ofSeconds(10));
        this.sessions = new ConsoleSessions(tokens, clock, settings.sessionTtl());
        this.events = new ConsoleEvents(session -> sessions.find(session).isPresent());
    }

    /** The handler for a tailer of {@link TimelineFeed#topicNames every Heed topic}. */
    public Consumer<ConsumerRecord<byte[], byte[]>> feed() {
        return feed;
    }

    /** Starts sampling and pushing on {@code scheduler}, which the caller owns and shuts down. */
    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(() -> guarded("push", this::push), 0, PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("sample", this::sample), 0, settings.sampleEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The open list (unacknowledged first, soonest due first; then reopened and acknowledged ones) and the completeness figure, as of now (which {@code now} says). */
    public Map<String, Object> complaints() {
        Instant now = clock.instant();
        return stamped(now, openList(now));
    }

    private static Map<String, Object> stamped(Instant now, Map<String, Object> content) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("now", now);
        view.putAll(content);
        return view;
    }

    /** What the open list and the figure hold at {@code now}, without {@code now} itself. */
    private Map<String, Object> openList(Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("open", OpenComplaints.of(directory.notResolved(), index::facts));
        List<ComplaintFacts> facts = index.facts();
        view.put("completeness", Completeness.of(facts, now, settings.replyWithin()));
        view.put("promises", PromiseRates.of(facts));
        view.put("verdicts", VerdictRates.of(facts));
        view.put("indexed", index.size());
        view.put("indexBound", settings.maxComplaints());
        return view;
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** One feedback's facts, timeline, promises and updates, while the index holds it. */
    public Optional<Map<String, Object>> complaint(String id) {
        Instant now = clock.instant();
        return index.timeline(id).map(timeline -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("facts", index.facts(id).orElse(null));
            view.put("open", directory.open().stream().anyMatch(k -> k.id().equals(id)));
            view.put("timeline", timeline);
            // now: the page counts an open promise's time left from the server's clock, as the open list does.
            view.put("now", now);
            view.put("promises", index.promises(id, now).orElse(null));
            return view;
        });
    }

    ConsoleEvents events() {
        return events;
    }

    ConsoleSessions sessions() {
        return sessions;
    }

    ObjectMapper json() {
        return json;
    }

    private void push() throws Exception {
        Instant now = clock.instant();
        Map<String, Object> content = openList(now);
        // The page needs now only to learn its clock's offset: a new second is no reason to send 20 KB again.
        events.publish("complaints", json.writeValueAsString(content), json.writeValueAsString(stamped(now, content)));
        // A complaint's page shows events the list does not (a reply, a notification): it learns of them here.
        Optional<TimelineIndex.Changes> changes = index.drainChanges();
        if (changes.isPresent()) {
            events.signal("timeline", json.writeValueAsString(changes.get()));
        }
        events.refresh();
    }

    private void sample() throws Exception {
        dashboard = sampler.sample();
        String payload = json.writeValueAsString(dashboard);
        events.publish("dashboard", payload, payload);
    }

    private interface Task {
        void run() throws Exception;
    }

    private static void guarded(String name, Task task) {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A failed sample (broker away, timeout) must not cancel the schedule: the next one tries again.
            LOG.warn("console {} failed: {}", name, e.toString());
        }
    }
}
