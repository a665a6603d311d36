package dev.heed.routing.bench;

import dev.heed.events.Severity;
import dev.heed.localstack.ServiceProcess;
import dev.heed.localstack.Stack;
import dev.heed.routing.app.RoutingApplication;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.OpenComplaintSerde;
import dev.heed.routing.topology.store.StoreNames;
import dev.heed.schemas.topics.HeedTopics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The routing service's resident memory with {@code n} open clocks, and how long it takes to get them back from the
 * changelog (issue 19: RSS ≤ 1 GiB at 10^6 clocks; restore ≤ 3× a plain consumer of the same changelog). The clocks
 * are written straight to the open-clock changelog (6 partitions, keyed as routing keys them), then the real service
 * starts in a child JVM with an empty state directory, with the local run's heap ({@code -Xmx512m}), restores them and
 * rebuilds its due index. Its {@code VmRSS} is read from {@code /proc} once every clock is back (per its own
 * {@code heed_routing_restored_records_total}) and for 30 s after, as the census and the JIT settle.
 */
final class MemoryBench {

    private static final Pattern RESTORED = Pattern.compile("^heed_routing_restored_records_total(?:\\{[^}]*})? ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final Instant T0 = Instant.now();

    private final Stack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    MemoryBench(Stack stack) {
        this.stack = stack;
    }

    /** Runs it, prints as it goes and returns the figures (for {@code --json}; see {@link RoutingBench}). */
    Map<String, Object> run(int n) throws Exception {
        BenchKafka.topics(stack);
        String app = stack.uniqueName("rss");
        String changelog = app + "-" + StoreNames.OPEN_CLOCKS + "-changelog";
        stack.createTopic(changelog, HeedTopics.DEFAULT_PARTITIONS, Map.of("cleanup.policy", "compact"));
        write(changelog, n);
        double consumerSeconds = plainRead(changelog, n);
        System.out.printf(Locale.ROOT, "memory: %d open clocks on %s; a plain read_committed consumer reads them in %.2f s%n",
                n, changelog, consumerSeconds);

        int port = freePort();
        Path state = Files.createTempDirectory("rss-state");
        Map<String, String> env = Map.of("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HEED_REGISTRY_URL", stack.registryUrl(),
                "HEED_ROUTING_APPLICATION_ID", app, "HEED_ROUTING_HTTP_PORT", String.valueOf(port),
                "HEED_ROUTING_STATE_DIR", state.toString());
        long begin = System.nanoTime();
        try (ServiceProcess routing = ServiceProcess.start("routing", System.getProperty("java.class.path"),
                childJvmOptions(),
                RoutingApplication.class.getName(), env, Files.createTempFile("rss-routing", ".log"),
                URI.create("http://127.0.0.1:" + port + "/health/ready"), Duration.ofMinutes(10))) {
            double restored = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
                    .alias("every clock restored (log " + routing.logFile() + ")")
                    .until(() -> restoredRecords(port), r -> r >= n);
            long done = System.nanoTime();
            double restoreSeconds = restoreSpan(routing.logFile());
            System.out.printf(Locale.ROOT, "  routing (child JVM, -Xmx512m, empty state directory): %.0f records restored in %.2f s"
                    + " (%.2f of the plain consumer; goal <= 3), ready and restored %.1f s after launch%n", restored, restoreSeconds,
                    restoreSeconds / consumerSeconds, (done - begin) / 1e9);
            // Sampled once a second for 30 s: a rate, not a wait for a condition.
            long[] samples = new long[30];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = rssKib(routing.pid());
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            long last = samples[samples.length - 1];
            long max = java.util.Arrays.stream(samples).max().orElseThrow();
            boolean rssMet = max <= 1024 * 1024;
            System.out.printf(Locale.ROOT, "  resident memory with %d open clocks: %d MiB after 30 s, max %d MiB (goal <= 1024 MiB): %s%n",
                    n, last >> 10, max >> 10, rssMet ? "met" : "missed");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clocks", n);
            result.put("changelog", changelog);
            result.put("plainConsumerSeconds", consumerSeconds);
            result.put("restoredRecords", (long) restored);
            result.put("restoreSeconds", restoreSeconds);
            result.put("restoreRatio", restoreSeconds / consumerSeconds);
            result.put("restoreRatioGoal", 3.0);
            result.put("restoreMet", restoreSeconds / consumerSeconds <= 3.0);
            result.put("readyAndRestoredAfterLaunchSeconds", (done - begin) / 1e9);
            result.put("heap", "-Xmx512m");
            result.put("rssMibAfter30s", last >> 10);
            result.put("rssMibMax", max >> 10);
            result.put("rssGoalMib", 1024);
            result.put("rssMet", rssMet);
            return result;
        }
    }

    /**
     * The local run's heap and child logging, plus {@code HEED_BENCH_CHILD_JVM_OPTIONS} (split at spaces) for looking
     * inside the service, e.g. {@code -XX:StartFlightRecording=filename=/tmp/restore.jfr,settings=profile}.
     */
    private static List<String> childJvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m", "-Dlogback.configurationFile=dev/heed/localstack/child-logback.xml"));
        String extra = System.getenv("HEED_BENCH_CHILD_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    private void write(String changelog, int n) {
        SlaPolicy high = PolicyBook.defaults().choose(SeverityLabel.HIGH, null, null);
        Serializer<OpenComplaint> bytes = OpenComplaintSerde.serde().serializer();
        long started = System.nanoTime();
        try (var producer = BenchKafka.loader(stack)) {
            for (int i = 0; i < n; i++) {
                // Not due within the run: the measurement is of clocks held, not of reminders sent.
                Instant receivedAt = T0.plus(Duration.ofDays(1)).plusMillis(i / 10);
                String id = UUID.randomUUID().toString();
                OpenComplaint open = new OpenComplaint(SlaClock.start(id, high, receivedAt), receivedAt.plusMillis(40),
                        Severity.HIGH, "billing", UUID.randomUUID().toString().replace("-", ""));
                producer.send(new ProducerRecord<>(changelog, id, bytes.serialize(changelog, open)));
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "  %d clocks written in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
    }

    private double plainRead(String topic, int n) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("rss-read"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long started = 0;
            long read = 0;
            while (read < n) {
                int polled = consumer.poll(Duration.ofMillis(200)).count();
                if (polled > 0 && started == 0) {
                    started = System.nanoTime();
                }
                read += polled;
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * From the first "restoring" line of the open-clock store to its last "restored" line in the service's log
     * (RestoreWatch's, stamped to the millisecond): the restore proper, without the JVM's start and the group's join.
     */
    private static double restoreSpan(Path log) throws IOException {
        java.time.LocalTime first = null;
        java.time.LocalTime last = null;
        for (String line : Files.readAllLines(log)) {
            if (!line.contains("RestoreWatch") || !line.contains(StoreNames.OPEN_CLOCKS)) {
                continue;
            }
            java.time.LocalTime at = java.time.LocalTime.parse(line.substring(0, 12));
            if (line.contains(" - restoring ") && first == null) {
                first = at;
            } else if (line.contains(" - restored ")) {
                last = at;
            }
        }
        if (first == null || last == null) {
            throw new IllegalStateException("no restore of " + StoreNames.OPEN_CLOCKS + " in " + log);
        }
        long millis = Duration.between(first, last).toMillis();
        return (millis < 0 ? millis + Duration.ofDays(1).toMillis() : millis) / 1e3;
    }

    private double restoredRecords(int port) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = RESTORED.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
