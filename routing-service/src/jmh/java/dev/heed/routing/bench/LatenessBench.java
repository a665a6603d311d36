package dev.heed.routing.bench;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.DueKind;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.localstack.Stack;
import dev.heed.routing.app.StreamsProperties;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.deadletter.DeadLetterConfig;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Reminder lateness when many clocks fall due at once: {@code n} complaints accepted at the same instant, under
 * one policy whose first warning falls due {@code delay} later for all of them, so the punctuator finds all
 * {@code n} due points in one go. For every warning it prints how late routing emitted it ({@code emittedAt - dueAt},
 * routing's own view) and how late a {@code read_committed} consumer saw it (the first time anyone can act on it,
 * so the transaction commit is in it), as p50 / p99 / max; issue 19's goal is max ≤ punctuation interval + 1 s.
 * The routing topology runs as the service runs it (exactly_once_v2, the service's processing settings, 1 s
 * punctuation) on the in-process broker, in this JVM.
 */
final class LatenessBench {

    private static final Duration PUNCTUATE = ClockSettings.DEFAULT_PUNCTUATE_INTERVAL;

    private final Stack stack;
    private final HeedTopics topics;

    LatenessBench(Stack stack) {
        this.stack = stack;
        this.topics = BenchKafka.topics(stack);
    }

    /**
     * Runs it with {@code threads} stream threads (the service's {@code HEED_ROUTING_STREAM_THREADS}, 1 by default),
     * prints as it goes and returns the figures (for {@code --json}; see {@link RoutingBench}).
     */
    Map<String, Object> run(int n, Duration delay, int threads) throws Exception {
        // Every severity gets the same policy: the warning at half the target is the due point measured.
        String policy = Stream.of("CRITICAL", "HIGH", "MEDIUM", "LOW")
                .map(s -> "bench-" + s.toLowerCase(Locale.ROOT) + ": severity=" + s + " target=" + delay.multipliedBy(2).toSeconds()
                        + "s warn=0.5 repeat=1h climb-after=2")
                .collect(Collectors.joining(";"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, stack.uniqueName("lateness"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        StreamsProperties.processing(props);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stack.tempStateDir().toString());
        DeadLetterConfig.apply(props, topics.routingDlq().name(), new AtomicLong());
        var clockSettings = new ClockSettings(PUNCTUATE, ClockSettings.DEFAULT_RETENTION, ClockSettings.DEFAULT_RETENTION);
        try (KafkaStreams streams = new KafkaStreams(RoutingTopology.build(topics, FeedbackClassifier.loadDefault(),
                PolicyBookFormat.parse(policy), clockSettings), props);
             var escalated = consumer(topics.complaintsEscalated().name());
             var due = consumer(topics.responseDue().name())) {
            streams.start();
            Instant accepted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant dueAt = accepted.plus(delay);
            load(n, accepted);
            System.out.printf(Locale.ROOT, "lateness: %d complaints accepted at %s, all warned at %s; %d stream thread(s)%n", n, accepted,
                    dueAt, threads);

            long started = count(escalated, n, dueAt);
            System.out.printf(Locale.ROOT, "  %d of %d clocks started %.1f s before they fell due%n", started, n,
                    Duration.between(Instant.now(), dueAt).toMillis() / 1e3);
            if (started < n) {
                System.out.println("  not every clock started before the due time: raise the delay; the figures below mix in the backlog");
            }

            long[] emitted = new long[n];
            long[] seen = new long[n];
            Set<String> ids = new HashSet<>();
            int got = 0;
            int repeats = 0;
            Instant limit = dueAt.plus(delay).plusSeconds(120);
            while (got < n && Instant.now().isBefore(limit)) {
                for (var record : due.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    ResponseDue event = topics.responseDue().valueSerde().deserializer().deserialize(record.topic(), record.value());
                    if (event.getKind() != DueKind.WARNING) {
                        continue;
                    }
                    if (!ids.add(event.getComplaintId())) {
                        repeats++;
                        continue;
                    }
                    emitted[got] = event.getEmittedAt().toEpochMilli() - event.getDueAt().toEpochMilli();
                    seen[got] = now - event.getDueAt().toEpochMilli();
                    got++;
                }
            }
            Map<String, Object> emittedMs = print("emitted (emittedAt - dueAt)", Arrays.copyOf(emitted, got));
            Map<String, Object> visibleMs = print("visible (read_committed consumer - dueAt)", Arrays.copyOf(seen, got));
            long max = Arrays.stream(seen, 0, got).max().orElse(Long.MAX_VALUE);
            long goal = PUNCTUATE.toMillis() + 1000;
            // Every warning exactly once is part of the goal: a lost or doubled reminder is not "on time".
            boolean met = got == n && repeats == 0 && max <= goal;
            System.out.printf(Locale.ROOT, "  %d of %d warnings, %d emitted twice; visible max %d ms, goal <= %d ms: %s%n", got, n,
                    repeats, max, goal, met ? "met" : "missed");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clocks", n);
            result.put("delaySeconds", delay.toSeconds());
            result.put("punctuationIntervalMs", PUNCTUATE.toMillis());
            result.put("acceptedAt", accepted.toString());
            result.put("dueAt", dueAt.toString());
            result.put("clocksStartedBeforeDue", started);
            result.put("warnings", got);
            result.put("warningsTwice", repeats);
            result.put("emittedLatenessMs", emittedMs);
            result.put("visibleLatenessMs", visibleMs);
            result.put("goalMaxMs", goal);
            result.put("met", met);
            return result;
        }
    }

    private void load(int n, Instant accepted) {
        var serializer = topics.feedbackReceived().valueSerde().serializer();
        String topic = topics.feedbackReceived().name();
        try (var producer = BenchKafka.loader(stack)) {
            for (int i = 0; i < n; i++) {
                String id = "late-" + i;
                FeedbackReceived feedback = FeedbackReceived.newBuilder().setEventId(id).setSourceSystem("bench")
                        .setChannel(Channel.WEB).setCustomer(Customer.newBuilder().build())
                        .setText("Charged twice and still waiting, terrible.").setRating(1)
                        .setOccurredAt(accepted).setReceivedAt(accepted).build();
                producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, feedback)));
            }
            producer.flush();
        }
    }

    /** Escalations seen until {@code n} or {@code until}, whichever comes first. */
    private static long count(KafkaConsumer<String, byte[]> consumer, int n, Instant until) {
        long seen = 0;
        while (seen < n && Instant.now().isBefore(until)) {
            seen += consumer.poll(Duration.ofMillis(100)).count();
        }
        return seen;
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("lateness-read"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Prints p50 / p90 / p99 / max / min of {@code millis} and returns them (empty when nothing was received). */
    private static Map<String, Object> print(String what, long[] millis) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("n", millis.length);
        if (millis.length == 0) {
            System.out.printf("  %s: nothing received%n", what);
            return q;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        q.put("p50", at(sorted, 0.50));
        q.put("p90", at(sorted, 0.90));
        q.put("p99", at(sorted, 0.99));
        q.put("max", sorted[sorted.length - 1]);
        q.put("min", sorted[0]);
        System.out.printf(Locale.ROOT, "  %s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (min %d ms)%n", what,
                q.get("p50"), q.get("p90"), q.get("p99"), q.get("max"), q.get("min"));
        return q;
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }
}
