import com.sun.net.httpserver.HttpServer;
import dev.heed.cli.local.LocalRunConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Issue #19's end-to-end benchmark, its three parts in one run and one result ({@link #PARTS}; {@code --parts}
 * chooses): the pipeline, below; then, after {@code ./heed down}, routing's reminder-lateness and memory/restore
 * benchmarks, run through the Maven wrapper and the bench profile as the README runs them, their figures read back
 * from RoutingBench's {@code --json}. A goals table ({@link Report}) sums them up; a failed part is in it as failed.
 *
 * <p>The pipeline part: the whole pipeline as the README runs it, measured as customers and agents
 * feel it. Starts {@code ./heed up} with the responder's e-mail going to an SMTP sink and the agents' notifications
 * to a webhook receiver, both in this process; finds the capacity with a short ramp; then offers load open-loop (on
 * a schedule, never waiting for answers) at 10 %, 50 % and 90 % of it, and prints per rate, from each 202: the
 * escalation on {@code complaints.escalated} (read_committed), the agent's webhook, the customer's reply, with
 * p50 / p99 / p99.9 / max and the counts. Then, on the same broker, a raw producer's and a raw consumer's records/s
 * as baselines. Results go to {@code target/e2e/result.json} and {@code target/e2e/result.html}. {@code ./heed down}
 * runs at the pipeline's end, also on failure and on Ctrl-C.
 *
 * <p>Run through {@code bench/end-to-end} (it builds, then runs this with the CLI's class path for the Kafka
 * clients). One clock (this process's) for every instant, except routing's {@code escalatedAt}, which is the record
 * timestamp written by routing on the same machine.
 */
public final class EndToEnd {

    private static final String[] TEXTS = {
            "My parcel never arrived and nobody answers the phone.",
            "Thanks, the new app is great and the staff were lovely.",
            "I was charged twice for the same order, please refund me.",
            "Can I change the delivery address for my next order?",
    };
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMPLAINT_ID = Pattern.compile("\"complaintId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    /** More requests in flight than this and the generator itself is the bottleneck: those are counted, not sent. */
    private static final int MAX_IN_FLIGHT = 4096;
    /** Issue 19's parts, in the order they run: the local run's pipeline, then routing's two benchmarks after it is down. */
    static final List<String> PARTS = List.of("pipeline", "lateness", "memory");
    static final long PIPELINE_GOAL_MS = 2000;

    // ---- options -------------------------------------------------------------------------------------------
    private int seconds = 30;
    private int stepSeconds = 10;
    private double rampStart = 20;
    private double rampFactor = 1.5;
    private double rampMax = 2000;
    private double capacityGiven = 0;
    private long graceMillis = 5000;
    private int baselineRecords = 200_000;
    private int smtpPort = 2525;
    private int webhookPort = 2526;
    private Path out = Path.of("target", "e2e");
    private boolean keepRateLimit = false;
    private List<String> parts = PARTS;
    private int latenessClocks = 100_000;
    private int latenessDelaySeconds = 360;
    private int memoryClocks = 1_000_000;

    // ---- what happened -------------------------------------------------------------------------------------
    private final Map<String, Integer> localPorts = new LinkedHashMap<>();
    private final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> escalationSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> escalatedAtMs = new ConcurrentHashMap<>();
    private final AtomicInteger escalationRecords = new AtomicInteger();
    private final Map<String, Long> notified = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> notificationIds = new ConcurrentHashMap<>();
    private final AtomicInteger notificationPosts = new AtomicInteger();
    private final Map<String, Long> replied = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> replyIds = new ConcurrentHashMap<>();
    private final AtomicInteger replyMessages = new AtomicInteger();
    private final AtomicInteger unknownReplies = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Why requests got no answer at all: a feedback ingest wrote anyway shows up as a reply to an unknown id. */
    private final Map<String, Integer> clientErrors = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private volatile String phaseName = "starting";

    private String ingest;
    private String bootstrap;
    private HttpClient http;

    /** One offered feedback. Instants are System.nanoTime(); the 202's wall clock is kept for routing's escalatedAt. */
    static final class Sample {
        final String phase;
        final long intended;
        volatile long sent;
        volatile long accepted;
        volatile long acceptedWallMs;
        volatile int status;
        volatile String id;
        volatile boolean skipped;

        Sample(String phase, long intended) {
            this.phase = phase;
            this.intended = intended;
        }
    }

    public static void main(String[] args) throws Exception {
        EndToEnd bench = new EndToEnd();
        bench.parse(args);
        System.exit(bench.run());
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--step-seconds" -> stepSeconds = Integer.parseInt(v);
                case "--ramp-start" -> rampStart = Double.parseDouble(v);
                case "--ramp-factor" -> rampFactor = Double.parseDouble(v);
                case "--ramp-max" -> rampMax = Double.parseDouble(v);
                case "--capacity" -> capacityGiven = Double.parseDouble(v);
                case "--grace-ms" -> graceMillis = Long.parseLong(v);
                case "--baseline-records" -> baselineRecords = Integer.parseInt(v);
                case "--smtp-port" -> smtpPort = Integer.parseInt(v);
                case "--webhook-port" -> webhookPort = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--parts" -> {
                    parts = List.of(v.split(","));
                    if (parts.isEmpty() || !PARTS.containsAll(parts)) {
                        throw new IllegalArgumentException("--parts takes a comma-separated subset of " + PARTS + ", not " + v);
                    }
                }
                case "--lateness-clocks" -> latenessClocks = Integer.parseInt(v);
                case "--lateness-delay" -> latenessDelaySeconds = Integer.parseInt(v);
                case "--memory-clocks" -> memoryClocks = Integer.parseInt(v);
                case "--keep-ingest-rate-limit" -> {
                    keepRateLimit = true;
                    i--; // a switch, no value
                }
                case "-h", "--help" -> {
                    System.out.println("""
                            bench/end-to-end [--parts pipeline,lateness,memory] [--out target/e2e]
                              pipeline: [--seconds 30] [--step-seconds 10] [--ramp-start 20] [--ramp-factor 1.5]
                                        [--ramp-max 2000] [--capacity R (skip the ramp)] [--grace-ms 5000]
                                        [--baseline-records 200000] [--smtp-port 2525] [--webhook-port 2526]
                                        [--keep-ingest-rate-limit]
                              lateness: [--lateness-clocks 100000] [--lateness-delay 360 (seconds)]
                              memory:   [--memory-clocks 1000000]
                            Exit code 0 when every part ran (goals met or missed), 1 when a part failed, 2 on taken ports.""");
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (--help lists them)");
            }
            i++;
        }
    }

    /**
     * Runs the chosen parts in order, each on its own: a part that throws is recorded as failed (with what it measured
     * before) and the next one still runs. The combined result is rewritten after every part, so an interrupted run
     * leaves what it had.
     */
    private int run() throws Exception {
        Files.createDirectories(out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", Instant.now().toString());
        result.put("commit", commit());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("parts", parts);
        result.put("summary", List.of()); // filled after each part; first in the file, as on the page
        boolean failed = false;
        for (String part : parts) {
            Map<String, Object> figures = new LinkedHashMap<>();
            result.put(part, figures);
            figures.put("status", "running");
            long began = System.nanoTime();
            System.out.printf(Locale.ROOT, "end-to-end: part %d of %d: %s%n", parts.indexOf(part) + 1, parts.size(), part);
            try {
                switch (part) {
                    case "pipeline" -> pipeline(figures);
                    // Limits far above a normal run (lateness about 2x its delay, memory about 3 min at 10^6): only a hang hits them.
                    case "lateness" -> routingPart(figures, "lateness", "lateness " + latenessClocks + " " + latenessDelaySeconds,
                            Duration.ofSeconds(3L * latenessDelaySeconds).plusMinutes(20));
                    case "memory" -> routingPart(figures, "memory", "memory " + memoryClocks, Duration.ofMinutes(45));
                    default -> throw new IllegalStateException(part);
                }
                figures.put("status", "ok");
            } catch (PortsTaken e) {
                System.err.println("end-to-end: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                failed = true;
                figures.put("status", "failed");
                figures.put("error", String.valueOf(e));
                System.out.println("end-to-end: part " + part + " FAILED: " + e);
                e.printStackTrace(System.out);
            }
            figures.put("seconds", Math.round((System.nanoTime() - began) / 1e9));
            Report.goals(result);
            write(result);
        }
        Report.print(result);
        System.out.println("end-to-end: wrote " + out.resolve("result.json") + " and " + out.resolve("result.html")
                + (failed ? "; a part FAILED" : ""));
        return failed ? 1 : 0;
    }

    private void write(Map<String, Object> result) throws IOException {
        Files.writeString(out.resolve("result.json"), Json.write(result) + "\n");
        Files.writeString(out.resolve("result.html"), Html.page(result));
    }

    /** Taken ports are not a measurement that failed: nothing ran, so there is nothing to report. */
    static final class PortsTaken extends Exception {
        PortsTaken(String message) {
            super(message);
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String hash = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? hash : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /**
     * One of routing's benchmarks, run as the README runs it (the Maven wrapper, the bench profile; on routing's
     * in-process broker, after the local run is down so they do not share the cores with it). Its whole console goes
     * to {@code <out>/<name>.log}, its own lines (not Maven's or the logs') also here; its figures come back through
     * RoutingBench's {@code --json}. A Maven failure, a missing result or {@code limit} passing fails the part.
     */
    private void routingPart(Map<String, Object> figures, String name, String args, Duration limit) throws Exception {
        Path json = out.resolve(name + ".json").toAbsolutePath();
        Path log = out.resolve(name + ".log");
        Files.deleteIfExists(json);
        String shown = "./mvnw -Pbench -pl routing-service -am verify -DskipTests -Djmh.skip=true "
                + "-Djmh.main=dev.heed.routing.bench.RoutingBench -Djmh.args=\"" + args + "\"";
        figures.put("command", shown);
        figures.put("log", log.toString());
        System.out.println("end-to-end: " + name + ": " + shown + " (log: " + log + ")");
        Process maven = new ProcessBuilder("./mvnw", "-B", "-Pbench", "-pl", "routing-service", "-am", "verify", "-DskipTests",
                "-Djmh.skip=true", "-Djmh.main=dev.heed.routing.bench.RoutingBench", "-Djmh.args=" + args + " --json " + json)
                .redirectErrorStream(true).start();
        long began = System.nanoTime();
        AtomicBoolean over = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        // The lateness run is silent for minutes while its clocks wait for their due time: say that it is alive.
        daemon(name + "-watch", () -> {
            while (!over.get()) {
                sleepMillis(1000);
                long secs = (System.nanoTime() - began) / 1_000_000_000L;
                if (secs > 0 && secs % 30 == 0 && !over.get()) {
                    System.out.printf(Locale.ROOT, "  [%4d s] %s: running (log %s)%n", secs, name, log);
                }
                if (secs > limit.toSeconds() && !over.get()) {
                    timedOut.set(true);
                    maven.descendants().forEach(ProcessHandle::destroyForcibly);
                    maven.destroyForcibly();
                    return;
                }
            }
        });
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
             var copy = Files.newBufferedWriter(log)) {
            for (String line; (line = lines.readLine()) != null; ) {
                copy.write(line);
                copy.newLine();
                if (benchLine(line)) {
                    System.out.println("  " + name + " | " + line);
                }
            }
        } finally {
            over.set(true);
        }
        int exit = maven.waitFor();
        if (timedOut.get()) {
            throw new IllegalStateException(name + " did not finish within " + limit.toMinutes() + " min: stopped (see " + log + ")");
        }
        if (exit != 0) {
            throw new IllegalStateException(name + ": Maven exited with " + exit + " (see " + log + ")");
        }
        if (!Files.exists(json)) {
            throw new IllegalStateException(name + ": RoutingBench wrote no " + json + " (see " + log + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), LinkedHashMap.class);
        figures.putAll(read);
    }

    /** RoutingBench's own console lines (they start with its mode or are indented), Maven's module lines and errors. */
    private static boolean benchLine(String line) {
        return line.startsWith("lateness") || line.startsWith("memory") || line.startsWith("  ") || line.startsWith("wrote ")
                || line.startsWith("usage") || line.startsWith("Exception") || line.startsWith("[ERROR]")
                || line.matches("^\\[INFO\\] (Building .*\\[[0-9]+/[0-9]+\\]|BUILD .*)");
    }

    /** The local run's pipeline: ./heed up, warm-up, ramp, fixed rates, baselines, ./heed down. Fills {@code result}. */
    private void pipeline(Map<String, Object> result) throws Exception {
        // The local run's own reading of HEED_LOCAL_*_PORT and its defaults, so the two never disagree.
        localPorts.putAll(LocalRunConfig.from(Path.of("").toAbsolutePath(), System.getenv()).ports());
        localPorts.put("SMTP sink", smtpPort);
        localPorts.put("webhook receiver", webhookPort);
        List<String> taken = new ArrayList<>();
        localPorts.forEach((name, p) -> {
            if (!free(p)) {
                taken.add(name + " " + p);
            }
        });
        if (!taken.isEmpty()) {
            throw new PortsTaken("ports taken: " + String.join(", ", taken)
                    + " (another ./heed up? move them with HEED_LOCAL_*_PORT, --smtp-port, --webhook-port)");
        }
        ingest = "http://127.0.0.1:" + localPorts.get("ingest-service");
        bootstrap = "127.0.0.1:" + localPorts.get("Kafka");

        ServerSocket smtp = new ServerSocket(smtpPort, 512, InetAddress.getLoopbackAddress());
        daemon("smtp-sink", () -> serveSmtp(smtp));
        HttpServer webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webhookPort), 512);
        webhooks.setExecutor(Executors.newFixedThreadPool(16));
        webhooks.createContext("/agents", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            notificationPosts.incrementAndGet();
            Matcher type = TYPE.matcher(body);
            Matcher id = COMPLAINT_ID.matcher(body);
            if (type.find() && type.group(1).equals("complaint.escalated") && id.find()) {
                notified.putIfAbsent(id.group(1), now);
                String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
                notificationIds.computeIfAbsent(id.group(1), k -> ConcurrentHashMap.newKeySet()).add(String.valueOf(messageId));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhooks.start();

        Path upLog = out.resolve("heed-up.log");
        ProcessBuilder upBuilder = new ProcessBuilder("./heed", "up").redirectErrorStream(true).redirectOutput(upLog.toFile());
        upBuilder.environment().put("HEED_SMTP_HOST", "127.0.0.1");
        upBuilder.environment().put("HEED_SMTP_PORT", Integer.toString(smtpPort));
        upBuilder.environment().put("HEED_AGENTS_DEFAULT_AGENT", "http://127.0.0.1:" + webhookPort + "/agents");
        if (!keepRateLimit) {
            // The demo key's token bucket (100/s, burst 200) would be the "capacity": the first run's ramp measured
            // exactly it (429 for 259 of 1,519 at 152/s). This measures the pipeline, so the bucket is out of the way.
            upBuilder.environment().put("HEED_INGEST_RATE_PER_SECOND", "1000000");
            upBuilder.environment().put("HEED_INGEST_RATE_BURST", "1000000");
        }
        System.out.println("end-to-end: ./heed up (log: " + upLog + ") with e-mail to 127.0.0.1:" + smtpPort
                + " and agent webhooks to http://127.0.0.1:" + webhookPort + "/agents");
        Process up = upBuilder.start();
        AtomicBoolean downDone = new AtomicBoolean();
        Runnable down = () -> {
            if (downDone.compareAndSet(false, true)) {
                System.out.println("end-to-end: ./heed down");
                try {
                    new ProcessBuilder("./heed", "down").inheritIO().start().waitFor(120, TimeUnit.SECONDS);
                    if (!up.waitFor(60, TimeUnit.SECONDS)) {
                        up.destroy();
                    }
                } catch (Exception e) {
                    up.destroy();
                }
            }
        };
        Thread hook = new Thread(down, "heed-down");
        Runtime.getRuntime().addShutdownHook(hook);
        EscalationReader reader = null;
        try {
            awaitUp(up, upLog);
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(4, r -> {
                        Thread t = new Thread(r, "http-client");
                        t.setDaemon(true);
                        return t;
                    })).build();
            reader = new EscalationReader();
            reader.start();
            daemon("progress", this::progress);
            measure(reader, result);
        } finally {
            phaseName = "done";
            if (reader != null) {
                reader.close();
            }
            down.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            webhooks.stop(0);
            smtp.close();
        }
    }

    // ---- the measurement -----------------------------------------------------------------------------------

    private void measure(EscalationReader reader, Map<String, Object> result) throws Exception {
        result.put("uptimeBefore", uptime());
        result.put("ingestRateLimit", keepRateLimit ? "the demo key's default (100/s, burst 200)" : "raised to 10^6/s for the run");

        // A running system is warm: an unmeasured start lets the JIT compile and every client connect.
        phaseName = "warm-up";
        System.out.println("end-to-end: warm-up, 10 s at 20/s (not measured)");
        offer("warm-up", 20, 10);
        drain("warm-up", Duration.ofSeconds(60));

        List<Map<String, Object>> ramp = new ArrayList<>();
        double capacity = capacityGiven;
        String capacityNote;
        if (capacity > 0) {
            capacityNote = "given with --capacity";
        } else {
            capacityNote = null;
            double passed = 0;
            for (double rate = rampStart; rate <= rampMax; rate *= rampFactor) {
                String name = String.format(Locale.ROOT, "ramp %.0f/s", rate);
                phaseName = name;
                offer(name, rate, stepSeconds);
                // "Keeps up" is about throughput, not latency: nearly all accepted and, within the grace after the
                // step's last send, nearly all replies and agent notifications of the step out. A backlog that grows
                // for the whole step fails this; a stall of the shared machine shorter than the grace does not.
                // Whether the latency goal holds near capacity is what the fixed rates measure.
                sleepMillis(graceMillis);
                Map<String, Object> step = rampStep(name, rate);
                ramp.add(step);
                boolean ok = (Boolean) step.get("keptUp");
                System.out.printf(Locale.ROOT, "  %s: %s (accepted %s of %s (unanswered %s, refused %s), replied in time %s, notified in time %s of %s escalated, reply p99 %s ms)%n",
                        name, ok ? "kept up" : "fell behind", step.get("accepted"), step.get("offered"), step.get("unansweredAtGraceEnd"),
                        step.get("refused"), step.get("repliedInTime"),
                        step.get("notifiedInTime"), step.get("escalated"), step.get("replyP99Ms"));
                drain(name, Duration.ofSeconds(90));
                if (!ok) {
                    break;
                }
                passed = rate;
            }
            if (passed == 0) {
                System.out.println("end-to-end: not even the ramp's first rate kept up; using it as the capacity");
                passed = rampStart;
                capacityNote = "the ramp's first step did not keep up: the rates below are fractions of that step";
            } else if (passed * rampFactor > rampMax) {
                capacityNote = "every step kept up to --ramp-max: the capacity is at least this";
            } else {
                capacityNote = "the highest ramp step that kept up (the next, x" + rampFactor + ", did not)";
            }
            capacity = passed;
        }
        System.out.printf(Locale.ROOT, "end-to-end: capacity %.1f feedback/s (%s)%n", capacity, capacityNote);
        result.put("capacity", capacity);
        result.put("capacityNote", capacityNote);
        result.put("ramp", ramp);

        List<Map<String, Object>> rates = new ArrayList<>();
        for (double fraction : new double[] {0.1, 0.5, 0.9}) {
            double rate = capacity * fraction;
            String name = String.format(Locale.ROOT, "%.0f%% (%.1f/s)", fraction * 100, rate);
            phaseName = name;
            System.out.printf(Locale.ROOT, "end-to-end: %s for %d s%n", name, seconds);
            long started = System.nanoTime();
            offer(name, rate, seconds);
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            drain(name, Duration.ofSeconds(120));
            sleepMillis(1000); // a doubled message arrives after the first one; give it a moment
            Map<String, Object> row = rateResult(name, fraction, rate, sendSeconds);
            rates.add(row);
            printRate(row);
        }
        result.put("rates", rates);
        reader.close();

        phaseName = "baselines";
        Map<String, Object> baselines = baselines(capacity);
        result.put("baselines", baselines);
        result.put("uptimeAfter", uptime());
        result.put("unknownReplies", unknownReplies.get());
        result.put("clientErrors", new java.util.TreeMap<>(clientErrors));
        Set<String> offeredIds = new java.util.HashSet<>();
        synchronized (samples) {
            samples.stream().filter(s -> s.id != null).forEach(s -> offeredIds.add(s.id));
        }
        // Replies for feedback whose 202 never reached this process (a client error after ingest had written it).
        result.put("repliesToFeedbackWithout202", replied.keySet().stream().filter(id -> !offeredIds.contains(id)).count());
        result.put("escalationRecordsSeen", escalationRecords.get());

        printSummary(result);
        phaseName = "done";
    }

    /** Offers {@code rate}/s for {@code secs} on a fixed schedule: a late answer never delays the next send. */
    private void offer(String phase, double rate, int secs) {
        long gap = (long) (1e9 / rate);
        long count = Math.max(1, Math.round(rate * secs));
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * gap;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Sample s = new Sample(phase, due);
            samples.add(s);
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                s.skipped = true;
                continue;
            }
            String email = "e2e-" + samples.size() + "-" + startNanos + "@example.com";
            String body = "{\"channel\":\"EMAIL\",\"text\":\"" + TEXTS[(int) (i % TEXTS.length)] + "\",\"occurredAt\":\""
                    + Instant.now() + "\",\"customer\":{\"email\":\"" + email + "\"}}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/v1/feedback"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer heed-local-demo-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.incrementAndGet();
            s.sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                if (error != null) {
                    s.status = -1;
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    clientErrors.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
                    return;
                }
                s.status = response.statusCode();
                if (response.statusCode() == 202) {
                    Matcher m = EVENT_ID.matcher(response.body());
                    if (m.find()) {
                        s.id = m.group(1);
                    }
                    s.acceptedWallMs = System.currentTimeMillis();
                    s.accepted = System.nanoTime();
                }
            });
        }
    }

    /** Waits until every accepted feedback of the phase has its reply and every escalation its notification. */
    private void drain(String phase, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = inFlight.get() == 0;
            if (done) {
                for (Sample s : phaseSamples(phase)) {
                    if (s.id != null && (!replied.containsKey(s.id)
                            || (escalationSeen.containsKey(s.id) && !notified.containsKey(s.id)))) {
                        done = false;
                        break;
                    }
                }
            }
            if (done) {
                return;
            }
            sleepMillis(200);
        }
        System.out.println("  (" + phase + ": not everything arrived within " + max.toSeconds() + " s; counted as missing)");
    }

    private List<Sample> phaseSamples(String phase) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.phase.equals(phase)).toList();
        }
    }

    private Map<String, Object> rampStep(String name, double rate) {
        List<Sample> step = phaseSamples(name);
        long lastIntended = step.stream().mapToLong(s -> s.intended).max().orElse(0);
        long cutoff = lastIntended + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        List<Sample> accepted = step.stream().filter(s -> s.id != null).toList();
        long repliedInTime = accepted.stream().filter(s -> before(replied.get(s.id), cutoff)).count();
        List<Sample> escalated = accepted.stream().filter(s -> escalationSeen.containsKey(s.id)).toList();
        long notifiedInTime = escalated.stream().filter(s -> before(notified.get(s.id), cutoff)).count();
        boolean ok = accepted.size() >= 0.99 * step.size() && repliedInTime >= 0.99 * accepted.size()
                && notifiedInTime >= 0.99 * escalated.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", round1(rate));
        m.put("seconds", stepSeconds);
        m.put("offered", step.size());
        m.put("accepted", accepted.size());
        // Not answered yet when the grace ended (a 202 later than that is a backlog in ingest), or refused.
        m.put("unansweredAtGraceEnd", step.stream().filter(s -> !s.skipped && s.status == 0).count());
        Map<String, Long> refused = new java.util.TreeMap<>();
        step.stream().filter(s -> s.skipped || (s.status != 0 && s.status != 202))
                .forEach(s -> refused.merge(s.skipped ? "not sent" : s.status == -1 ? "error" : Integer.toString(s.status), 1L, Long::sum));
        m.put("refused", refused);
        m.put("repliedInTime", repliedInTime);
        m.put("escalated", escalated.size());
        m.put("notifiedInTime", notifiedInTime);
        m.put("replyP99Ms", percentiles(latencies(accepted, s -> replied.get(s.id))).get("p99"));
        m.put("keptUp", ok);
        return m;
    }

    private static boolean before(Long at, long cutoff) {
        return at != null && at <= cutoff;
    }

    private Map<String, Object> rateResult(String name, double fraction, double rate, double sendSeconds) {
        List<Sample> all = phaseSamples(name);
        List<Sample> accepted = all.stream().filter(s -> s.id != null).toList();
        List<Sample> escalated = accepted.stream().filter(s -> escalationSeen.containsKey(s.id)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("fraction", fraction);
        m.put("rate", round1(rate));
        m.put("seconds", seconds);
        m.put("achievedRate", round1(all.size() / sendSeconds));
        m.put("offered", all.size());
        m.put("notSentGeneratorFull", all.stream().filter(s -> s.skipped).count());
        m.put("accepted", accepted.size());
        Map<String, Long> refused = new java.util.TreeMap<>();
        all.stream().filter(s -> !s.skipped && s.id == null)
                .forEach(s -> refused.merge(s.status == -1 ? "error" : Integer.toString(s.status), 1L, Long::sum));
        m.put("notAccepted", refused);
        m.put("escalated", escalated.size());
        m.put("notified", escalated.stream().filter(s -> notified.containsKey(s.id)).count());
        m.put("notificationsMissing", escalated.stream().filter(s -> !notified.containsKey(s.id)).count());
        m.put("notificationsDoubled", escalated.stream().filter(s -> size(notificationIds.get(s.id)) > 1).count());
        m.put("replied", accepted.stream().filter(s -> replied.containsKey(s.id)).count());
        m.put("repliesMissing", accepted.stream().filter(s -> !replied.containsKey(s.id)).count());
        m.put("repliesDoubled", accepted.stream().filter(s -> size(replyIds.get(s.id)) > 1).count());
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("offered -> 202", percentiles(all.stream().filter(s -> s.id != null)
                .map(s -> (s.accepted - s.intended) / 1_000_000L).sorted().toList()));
        stages.put("202 -> escalation read", percentiles(latencies(escalated, s -> escalationSeen.get(s.id))));
        stages.put("202 -> routing's escalatedAt", percentiles(escalated.stream()
                .map(s -> escalatedAtMs.get(s.id) - s.acceptedWallMs).sorted().toList()));
        stages.put("202 -> agent notification", percentiles(latencies(escalated, s -> notified.get(s.id))));
        stages.put("202 -> customer reply", percentiles(latencies(accepted, s -> replied.get(s.id))));
        // From the scheduled send, not the 202: a late 202 (ingest, or this generator, behind) shortens every
        // "202 ->" figure; this one the customer feels whatever was late.
        stages.put("offered -> customer reply", percentiles(accepted.stream().filter(s -> replied.containsKey(s.id))
                .map(s -> (replied.get(s.id) - s.intended) / 1_000_000L).sorted().toList()));
        m.put("latencyMs", stages);
        // A backlog that grows shows as a slowest reply that grows from slice to slice; a stall as one slow slice.
        long first = all.stream().mapToLong(s -> s.intended).min().orElse(0);
        long[] slowest = new long[(seconds + 4) / 5];
        for (Sample s : accepted) {
            Long at = replied.get(s.id);
            int slice = (int) Math.min(slowest.length - 1, (s.intended - first) / 5_000_000_000L);
            if (at != null) {
                slowest[slice] = Math.max(slowest[slice], (at - s.accepted) / 1_000_000L);
            }
        }
        m.put("slowestReplyPer5sMs", java.util.Arrays.stream(slowest).boxed().toList());
        return m;
    }

    private static int size(Set<String> set) {
        return set == null ? 0 : set.size();
    }

    private static List<Long> latencies(Collection<Sample> from, java.util.function.Function<Sample, Long> at) {
        List<Long> ms = new ArrayList<>();
        for (Sample s : from) {
            Long t = at.apply(s);
            if (t != null) {
                ms.add((t - s.accepted) / 1_000_000L);
            }
        }
        ms.sort(null);
        return ms;
    }

    static Map<String, Object> percentiles(List<Long> sorted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", sorted.size());
        if (sorted.isEmpty()) {
            return m;
        }
        m.put("p50", pct(sorted, 0.50));
        m.put("p99", pct(sorted, 0.99));
        m.put("p99.9", pct(sorted, 0.999));
        m.put("max", sorted.get(sorted.size() - 1));
        return m;
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
    }

    // ---- baselines on the same broker ----------------------------------------------------------------------

    private Map<String, Object> baselines(double capacity) throws Exception {
        String topic = "bench.e2e.raw." + System.currentTimeMillis();
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        int partitions;
        int valueBytes;
        try (Admin admin = Admin.create(common)) {
            partitions = admin.describeTopics(List.of("feedback.received")).allTopicNames().get()
                    .get("feedback.received").partitions().size();
            valueBytes = averageValueSize("feedback.received");
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        System.out.printf(Locale.ROOT, "end-to-end: baselines: %,d records of %d bytes (feedback.received's average) to %s (%d partitions)%n",
                baselineRecords, valueBytes, topic, partitions);
        byte[] value = new byte[valueBytes];
        new java.util.Random(19).nextBytes(value);

        // Like ingest's producer: acks=all, idempotent; everything else the client's default.
        Properties p = new Properties();
        p.putAll(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        double produced;
        long acked;
        String producerProblem = null;
        // Bounded: in one run at load 31 this plain producer looped on OutOfOrderSequenceException for a partition of
        // the new topic and flush() never returned; the benchmark reports that instead of hanging with the stack up.
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (producer.partitionsFor(topic).stream().anyMatch(pi -> pi.leader() == null) && System.nanoTime() < deadline) {
                sleepMillis(100);
            }
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong lastAck = new AtomicLong();
            long t0 = System.nanoTime();
            for (int i = 0; i < baselineRecords; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), value),
                        (md, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            } else {
                                ok.incrementAndGet();
                                lastAck.set(System.nanoTime());
                            }
                        });
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ok.get() + failed.get() < baselineRecords && System.nanoTime() < deadline) {
                sleepMillis(50);
            }
            acked = ok.get();
            produced = acked / ((Math.max(lastAck.get(), t0 + 1) - t0) / 1e9);
            if (acked < baselineRecords) {
                producerProblem = String.format(Locale.ROOT, "%d of %d records acknowledged, %d failed, within 90 s of the last send "
                        + "(see the broker's log)", acked, baselineRecords, failed.get());
                System.out.println("  raw producer: " + producerProblem);
            }
        } finally {
            producer.close(producerProblem == null ? Duration.ofSeconds(30) : Duration.ZERO);
        }
        System.out.printf(Locale.ROOT, "  raw producer: %,.0f records/s%n", produced);

        Properties c = new Properties();
        c.putAll(common);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        double consumed;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                tps.add(new TopicPartition(topic, i));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long read = 0;
            long t0 = System.nanoTime();
            while (read < acked) {
                read += consumer.poll(Duration.ofMillis(500)).count();
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(2)) {
                    throw new IllegalStateException("the raw consumer read " + read + " of " + acked + " in 2 min");
                }
            }
            consumed = read / ((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "  raw consumer: %,.0f records/s%n", consumed);
        try (Admin admin = Admin.create(common)) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", baselineRecords);
        m.put("recordsAcknowledged", acked);
        m.put("producerProblem", producerProblem);
        m.put("valueBytes", valueBytes);
        m.put("partitions", partitions);
        m.put("producerRecordsPerSecond", Math.round(produced));
        m.put("consumerRecordsPerSecond", Math.round(consumed));
        m.put("capacityOverProducer", capacity / produced);
        m.put("capacityOverConsumer", capacity / consumed);
        return m;
    }

    private int averageValueSize(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> tps = consumer.partitionsFor(topic).stream()
                    .map(pi -> new TopicPartition(topic, pi.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long bytes = 0;
            int n = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (n < 1000 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    bytes += r.value() == null ? 0 : r.value().length;
                    n++;
                }
            }
            return n == 0 ? 700 : (int) (bytes / n);
        }
    }

    // ---- escalations, read as any downstream consumer sees them --------------------------------------------

    private final class EscalationReader extends Thread {
        private final KafkaConsumer<String, byte[]> consumer;
        private volatile boolean running = true;

        EscalationReader() {
            super("escalation-reader");
            setDaemon(true);
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            // Routing writes in transactions: an escalation exists for everyone else once it is committed.
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
            consumer = new KafkaConsumer<>(c);
            List<PartitionInfo> parts = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (parts.isEmpty() && System.nanoTime() < deadline) {
                parts = consumer.partitionsFor("complaints.escalated");
            }
            List<TopicPartition> tps = parts.stream().map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position); // resolve the end now, before any feedback is offered
        }

        @Override
        public void run() {
            try {
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        escalationRecords.incrementAndGet();
                        escalationSeen.putIfAbsent(r.key(), now);
                        escalatedAtMs.putIfAbsent(r.key(), r.timestamp());
                    }
                }
            } catch (WakeupException stopping) {
                // closed
            } finally {
                consumer.close();
            }
        }

        void close() {
            if (running) {
                running = false;
                consumer.wakeup();
                try {
                    join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ---- the SMTP sink ---------------------------------------------------------------------------------------

    private void serveSmtp(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                daemon("smtp-session", () -> smtpSession(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Accepts every message; records, per feedback (X-Heed-Feedback-Id), when a message was complete, and its Message-ID. */
    private void smtpSession(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream o = socket.getOutputStream()) {
            send(o, "220 e2e-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    send(o, "250-e2e-sink\r\n250 8BITMIME");
                } else if (upper.equals("DATA")) {
                    send(o, "354 go ahead");
                    String feedbackId = null;
                    String messageId = null;
                    boolean headers = true;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (headers && line.isEmpty()) {
                            headers = false;
                        } else if (headers) {
                            String lower = line.toLowerCase(Locale.ROOT);
                            if (lower.startsWith("x-heed-feedback-id:")) {
                                feedbackId = line.substring(line.indexOf(':') + 1).trim();
                            } else if (lower.startsWith("message-id:")) {
                                messageId = line.substring(line.indexOf(':') + 1).trim();
                            }
                        }
                    }
                    long now = System.nanoTime();
                    replyMessages.incrementAndGet();
                    if (feedbackId == null) {
                        unknownReplies.incrementAndGet();
                    } else {
                        replied.putIfAbsent(feedbackId, now);
                        replyIds.computeIfAbsent(feedbackId, k -> ConcurrentHashMap.newKeySet()).add(String.valueOf(messageId));
                    }
                    send(o, "250 OK");
                } else if (upper.equals("QUIT")) {
                    send(o, "221 bye");
                    return;
                } else {
                    send(o, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream o, String reply) throws IOException {
        o.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        o.flush();
    }

    // ---- the stack, progress, printing -------------------------------------------------------------------------

    private void awaitUp(Process up, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!up.isAlive()) {
                throw new IllegalStateException("./heed up exited with " + up.exitValue() + ": see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("Heed is up.")) {
                System.out.println("end-to-end: the local run is up");
                TimeUnit.SECONDS.sleep(5); // let routing's and the responder's consumers join their groups
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("./heed up was not ready within 10 minutes: see " + log);
    }

    private void progress() {
        while (!phaseName.equals("done")) {
            sleepMillis(5000);
            String phase = phaseName;
            if (phase.equals("done")) {
                return;
            }
            List<Sample> now = phaseSamples(phase);
            long accepted = now.stream().filter(s -> s.id != null).count();
            long esc = now.stream().filter(s -> s.id != null && escalationSeen.containsKey(s.id)).count();
            long not = now.stream().filter(s -> s.id != null && notified.containsKey(s.id)).count();
            long rep = now.stream().filter(s -> s.id != null && replied.containsKey(s.id)).count();
            System.out.printf(Locale.ROOT, "  [%4.0f s] %s: offered %d, accepted %d, escalated %d, notified %d, replied %d, in flight %d%n",
                    (System.nanoTime() - startNanos) / 1e9, phase, now.size(), accepted, esc, not, rep, inFlight.get());
        }
    }

    @SuppressWarnings("unchecked")
    private static void printRate(Map<String, Object> row) {
        System.out.printf(Locale.ROOT, "  %s: offered %s (achieved %.1f/s), accepted %s, not accepted %s, escalated %s, notified %s "
                        + "(missing %s, doubled %s), replied %s (missing %s, doubled %s)%n",
                row.get("name"), row.get("offered"), (Double) row.get("achievedRate"), row.get("accepted"), row.get("notAccepted"),
                row.get("escalated"), row.get("notified"), row.get("notificationsMissing"), row.get("notificationsDoubled"),
                row.get("replied"), row.get("repliesMissing"), row.get("repliesDoubled"));
        ((Map<String, Object>) row.get("latencyMs")).forEach((stage, p) -> {
            Map<String, Object> q = (Map<String, Object>) p;
            System.out.printf(Locale.ROOT, "    %-30s n %6s  p50 %6s  p99 %6s  p99.9 %6s  max %6s ms%n", stage, q.get("n"),
                    q.getOrDefault("p50", "-"), q.getOrDefault("p99", "-"), q.getOrDefault("p99.9", "-"), q.getOrDefault("max", "-"));
        });
        System.out.println("    slowest reply of the feedback offered in each 5 s (ms): " + row.get("slowestReplyPer5sMs"));
    }

    @SuppressWarnings("unchecked")
    private static void printSummary(Map<String, Object> result) {
        System.out.println();
        for (Map<String, Object> step : (List<Map<String, Object>>) result.get("ramp")) {
            System.out.printf(Locale.ROOT, "ramp %s/s for %s s: offered %s, accepted %s, replied within the grace %s, escalated %s, "
                            + "notified within the grace %s, reply p99 %s ms: %s%n", step.get("rate"), step.get("seconds"), step.get("offered"),
                    step.get("accepted"), step.get("repliedInTime"), step.get("escalated"), step.get("notifiedInTime"),
                    step.get("replyP99Ms"), (Boolean) step.get("keptUp") ? "kept up" : "fell behind");
        }
        System.out.printf(Locale.ROOT, "capacity: %.1f feedback/s (%s)%n", (Double) result.get("capacity"), result.get("capacityNote"));
        System.out.println("| rate | offered / accepted / escalated / notified / replied | missing (notif., reply) | doubled (notif., reply) "
                + "| 202→escalation p50 / p99 / p99.9 / max | 202→agent webhook | 202→customer reply | offered→202 | offered→customer reply |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Map<String, Object> row : (List<Map<String, Object>>) result.get("rates")) {
            Map<String, Object> lat = (Map<String, Object>) row.get("latencyMs");
            System.out.printf(Locale.ROOT, "| %s | %s / %s / %s / %s / %s | %s, %s | %s, %s | %s | %s | %s | %s | %s |%n", row.get("name"),
                    row.get("offered"), row.get("accepted"), row.get("escalated"), row.get("notified"), row.get("replied"),
                    row.get("notificationsMissing"), row.get("repliesMissing"), row.get("notificationsDoubled"), row.get("repliesDoubled"),
                    quad(lat.get("202 -> escalation read")), quad(lat.get("202 -> agent notification")), quad(lat.get("202 -> customer reply")),
                    quad(lat.get("offered -> 202")), quad(lat.get("offered -> customer reply")));
        }
        Map<String, Object> b = (Map<String, Object>) result.get("baselines");
        System.out.printf(Locale.ROOT, "baselines on the same broker (%s records of %s bytes, %s partitions): raw producer %,d records/s, "
                        + "raw consumer %,d records/s; capacity / producer %.4f, capacity / consumer %.4f%n",
                b.get("records"), b.get("valueBytes"), b.get("partitions"), (Long) b.get("producerRecordsPerSecond"),
                (Long) b.get("consumerRecordsPerSecond"), (Double) b.get("capacityOverProducer"), (Double) b.get("capacityOverConsumer"));
        System.out.println("client errors (no HTTP answer): " + result.get("clientErrors") + "; replies to feedback without a 202 here: "
                + result.get("repliesToFeedbackWithout202") + "; e-mails without X-Heed-Feedback-Id: " + result.get("unknownReplies"));
        System.out.println("load: before " + result.get("uptimeBefore") + "; after " + result.get("uptimeAfter"));
    }

    @SuppressWarnings("unchecked")
    static String quad(Object percentiles) {
        Map<String, Object> q = (Map<String, Object>) percentiles;
        if (!q.containsKey("p50")) {
            return "-";
        }
        return q.get("p50") + " / " + q.get("p99") + " / " + q.get("p99.9") + " / " + q.get("max") + " ms";
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    // ---- output ------------------------------------------------------------------------------------------------

    /**
     * Issue 19's goals against what each part measured, as rows of {@code result.summary}: a part that failed says so
     * (with its error), one not chosen with --parts says it was not run, counts below the issue's are named.
     */
    static final class Report {
        static final String MET = "met";
        static final String MISSED = "missed";

        @SuppressWarnings("unchecked")
        static void goals(Map<String, Object> result) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<String, Object> p = (Map<String, Object>) result.get("pipeline");
            String what = "customer reply p99 (from the 202) at 90 % of capacity";
            if (usable(rows, p, "pipeline", what, "≤ " + PIPELINE_GOAL_MS + " ms, none missing")) {
                List<Map<String, Object>> rates = (List<Map<String, Object>>) p.getOrDefault("rates", List.of());
                Map<String, Object> top = rates.isEmpty() ? null : rates.get(rates.size() - 1);
                if (top == null) {
                    rows.add(row("pipeline", what, "no fixed rate measured", "-", "failed"));
                } else {
                    Map<String, Object> reply = (Map<String, Object>) ((Map<String, Object>) top.get("latencyMs")).get("202 -> customer reply");
                    long missing = num(top.get("repliesMissing")).longValue() + num(top.get("notificationsMissing")).longValue();
                    Number p99 = (Number) reply.get("p99");
                    rows.add(row("pipeline", what, String.format(Locale.ROOT, "%s ms at %s/s (capacity %.1f/s); %d replies or notifications missing",
                                    p99, top.get("rate"), num(p.get("capacity")).doubleValue(), missing),
                            "≤ " + PIPELINE_GOAL_MS + " ms, none missing",
                            p99 != null && p99.longValue() <= PIPELINE_GOAL_MS && missing == 0 ? MET : MISSED));
                }
                Map<String, Object> b = (Map<String, Object>) p.get("baselines");
                rows.add(b == null ? row("pipeline", "raw producer / consumer on the same broker", "not measured", "baseline", "failed")
                        : row("pipeline", "raw producer / consumer on the same broker (" + b.get("records") + " records)",
                        String.format(Locale.ROOT, "%,d / %,d records/s", num(b.get("producerRecordsPerSecond")).longValue(),
                                num(b.get("consumerRecordsPerSecond")).longValue()), "baseline",
                        b.get("producerProblem") == null ? "-" : "failed: " + b.get("producerProblem")));
            }
            Map<String, Object> l = (Map<String, Object>) result.get("lateness");
            what = "reminder lateness, due time → read_committed consumer";
            if (usable(rows, l, "lateness", what, "max ≤ punctuation interval + 1 s, each once")) {
                Map<String, Object> v = (Map<String, Object>) l.get("visibleLatenessMs");
                long clocks = num(l.get("clocks")).longValue();
                rows.add(row("lateness", what + ", " + clocks + " clocks falling due at once" + fewer(clocks, 100_000),
                        String.format(Locale.ROOT, "p50 %s / p99 %s / max %s ms; %s of %d warnings, %s twice", v.get("p50"), v.get("p99"),
                                v.get("max"), l.get("warnings"), clocks, l.get("warningsTwice")),
                        "max ≤ " + l.get("goalMaxMs") + " ms (punctuation " + l.get("punctuationIntervalMs") + " ms + 1 s), each once",
                        Boolean.TRUE.equals(l.get("met")) ? MET : MISSED));
            }
            Map<String, Object> m = (Map<String, Object>) result.get("memory");
            what = "routing's resident memory with open clocks";
            if (usable(rows, m, "memory", what + "; restore over a plain consumer", "≤ 1024 MiB; ≤ 3")) {
                long clocks = num(m.get("clocks")).longValue();
                rows.add(row("memory", "routing's resident memory with " + clocks + " open clocks (child JVM, " + m.get("heap") + ")"
                                + fewer(clocks, 1_000_000),
                        String.format(Locale.ROOT, "max %s MiB (%s MiB 30 s after the restore)", m.get("rssMibMax"), m.get("rssMibAfter30s")),
                        "≤ " + m.get("rssGoalMib") + " MiB", Boolean.TRUE.equals(m.get("rssMet")) ? MET : MISSED));
                rows.add(row("memory", "restore of " + clocks + " clocks after wiping local state, over a plain consumer of the same "
                                + "changelog" + fewer(clocks, 1_000_000),
                        String.format(Locale.ROOT, "%.2f s / %.2f s = %.2f", num(m.get("restoreSeconds")).doubleValue(),
                                num(m.get("plainConsumerSeconds")).doubleValue(), num(m.get("restoreRatio")).doubleValue()),
                        "≤ 3", Boolean.TRUE.equals(m.get("restoreMet")) ? MET : MISSED));
            }
            result.put("summary", rows);
        }

        /** False, after adding the row that says why, when the part was not run or did not finish. */
        private static boolean usable(List<Map<String, Object>> rows, Map<String, Object> part, String name, String what, String goal) {
            if (part == null) {
                rows.add(row(name, what, "not run (--parts)", goal, "not run"));
                return false;
            }
            if (!"ok".equals(part.get("status"))) {
                rows.add(row(name, what, String.valueOf(part.getOrDefault("error", "running")), goal, "failed"));
                return false;
            }
            return true;
        }

        private static String fewer(long clocks, long issue) {
            return clocks < issue ? " (fewer than the issue's " + issue + ": not the goal's figure)" : "";
        }

        private static Number num(Object o) {
            return o instanceof Number n ? n : Double.NaN;
        }

        private static Map<String, Object> row(String part, String what, String figure, String goal, String verdict) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("part", part);
            r.put("what", what);
            r.put("figure", figure);
            r.put("goal", goal);
            r.put("verdict", verdict);
            return r;
        }

        @SuppressWarnings("unchecked")
        static void print(Map<String, Object> result) {
            System.out.println();
            System.out.println("end-to-end, " + result.get("date") + ", " + result.get("commit") + ":");
            System.out.println("| part | what | figure | goal | verdict |");
            System.out.println("|---|---|---|---|---|");
            for (Map<String, Object> r : (List<Map<String, Object>>) result.get("summary")) {
                System.out.println("| " + r.get("part") + " | " + r.get("what") + " | " + r.get("figure") + " | " + r.get("goal")
                        + " | " + r.get("verdict") + " |");
            }
        }
    }

    /** Just enough JSON for maps, lists, strings, numbers and booleans. */
    static final class Json {
        static String write(Object o) {
            StringBuilder sb = new StringBuilder();
            write(sb, o, "");
            return sb.toString();
        }

        private static void write(StringBuilder sb, Object o, String indent) {
            if (o instanceof Map<?, ?> map) {
                sb.append("{");
                String inner = indent + "  ";
                boolean first = true;
                for (var e : map.entrySet()) {
                    sb.append(first ? "\n" : ",\n").append(inner);
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), inner);
                    first = false;
                }
                sb.append(first ? "}" : "\n" + indent + "}");
            } else if (o instanceof Collection<?> list) {
                sb.append("[");
                String inner = indent + "  ";
                boolean first = true;
                for (Object e : list) {
                    sb.append(first ? "\n" : ",\n").append(inner);
                    write(sb, e, inner);
                    first = false;
                }
                sb.append(first ? "]" : "\n" + indent + "]");
            } else if (o instanceof Double d) {
                sb.append(d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", d));
            } else if (o instanceof Number || o instanceof Boolean) {
                sb.append(o);
            } else if (o == null) {
                sb.append("null");
            } else {
                string(sb, o.toString());
            }
        }

        private static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }

    /** A self-contained page: the table and inline SVG bar charts, no scripts. */
    static final class Html {
        private static final String[] STAGES = {"202 -> escalation read", "202 -> agent notification", "202 -> customer reply",
                "offered -> 202", "offered -> customer reply"};
        private static final String[] SERIES = {"p50", "p99", "p99.9", "max"};
        private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2"};

        @SuppressWarnings("unchecked")
        static String page(Map<String, Object> all) {
            StringBuilder sb = new StringBuilder("""
                    <!doctype html><html><head><meta charset="utf-8"><title>Heed end-to-end benchmark</title>
                    <style>body{font:14px sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}
                    td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}
                    td:first-child{text-align:left}.met{color:#080}.missed,.failed{color:#c00;font-weight:bold}</style></head><body>
                    <h1>Heed end-to-end benchmark</h1>
                    """);
            sb.append("<p>").append(esc(String.valueOf(all.get("date")))).append(", commit ").append(esc(String.valueOf(all.get("commit"))))
                    .append(", ").append(all.get("cores")).append(" cores; parts ").append(esc(String.valueOf(all.get("parts")))).append("</p>");
            sb.append("<h2>Goals</h2><table><tr><th>part</th><th>what</th><th>figure</th><th>goal</th><th>verdict</th></tr>");
            for (var r : (List<Map<String, Object>>) all.getOrDefault("summary", List.of())) {
                String verdict = String.valueOf(r.get("verdict"));
                sb.append("<tr><td>").append(esc(String.valueOf(r.get("part")))).append("</td><td>").append(esc(String.valueOf(r.get("what"))))
                        .append("</td><td>").append(esc(String.valueOf(r.get("figure")))).append("</td><td>")
                        .append(esc(String.valueOf(r.get("goal")))).append("</td><td class=\"").append(verdict.split(":")[0])
                        .append("\">").append(esc(verdict)).append("</td></tr>");
            }
            sb.append("</table>");
            Map<String, Object> pipeline = (Map<String, Object>) all.get("pipeline");
            if (pipeline != null) {
                sb.append("<h2>Pipeline through the local run</h2>").append(status(pipeline));
                pipeline(sb, pipeline);
            }
            Map<String, Object> lateness = (Map<String, Object>) all.get("lateness");
            if (lateness != null) {
                sb.append("<h2>Reminder lateness</h2>").append(status(lateness));
                lateness(sb, lateness);
            }
            Map<String, Object> memory = (Map<String, Object>) all.get("memory");
            if (memory != null) {
                sb.append("<h2>Resident memory and restore</h2>").append(status(memory));
                figures(sb, memory);
            }
            sb.append("</body></html>\n");
            return sb.toString();
        }

        private static String status(Map<String, Object> part) {
            String status = String.valueOf(part.get("status"));
            return "<p>Status: <b class=\"" + (status.equals("ok") ? "met" : "failed") + "\">" + esc(status) + "</b>"
                    + (part.containsKey("error") ? ": " + esc(String.valueOf(part.get("error"))) : "")
                    + (part.containsKey("command") ? "<br>Command: <code>" + esc(String.valueOf(part.get("command"))) + "</code>" : "")
                    + (part.containsKey("seconds") ? "<br>Took " + part.get("seconds") + " s" : "") + "</p>";
        }

        @SuppressWarnings("unchecked")
        private static void lateness(StringBuilder sb, Map<String, Object> l) {
            List<Map<String, Object>> bars = new ArrayList<>();
            for (String key : new String[] {"emittedLatenessMs", "visibleLatenessMs"}) {
                if (l.get(key) instanceof Map<?, ?> q) {
                    bars.add(Map.of("name", key.equals("emittedLatenessMs") ? "emitted (routing's emittedAt)" : "visible (read_committed consumer)",
                            "latencyMs", Map.of("lateness", q)));
                }
            }
            Map<String, Object> rest = new LinkedHashMap<>(l);
            rest.remove("emittedLatenessMs");
            rest.remove("visibleLatenessMs");
            figures(sb, rest);
            if (!bars.isEmpty()) {
                sb.append("<table><tr><th>from the due time to</th><th>n</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>min</th></tr>");
                for (var b : bars) {
                    Map<String, Object> q = (Map<String, Object>) ((Map<String, Object>) b.get("latencyMs")).get("lateness");
                    sb.append("<tr><td>").append(esc(String.valueOf(b.get("name")))).append("</td>");
                    for (String k : new String[] {"n", "p50", "p90", "p99", "max", "min"}) {
                        sb.append("<td>").append(q.getOrDefault(k, "-")).append(k.equals("n") ? "" : " ms").append("</td>");
                    }
                    sb.append("</tr>");
                }
                sb.append("</table><h3>lateness (ms, log scale)</h3>").append(chart(bars, "lateness"));
            }
        }

        /** A part's figures as a two-column table (nested values as text). */
        private static void figures(StringBuilder sb, Map<String, Object> part) {
            sb.append("<table>");
            part.forEach((k, v) -> {
                if (!List.of("status", "error", "command", "seconds").contains(k)) {
                    sb.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(String.valueOf(v))).append("</td></tr>");
                }
            });
            sb.append("</table>");
        }

        @SuppressWarnings("unchecked")
        private static void pipeline(StringBuilder sb, Map<String, Object> result) {
            if (!result.containsKey("capacity")) {
                return;
            }
            sb.append("<p>Load (/proc/loadavg) before ").append(esc(String.valueOf(result.get("uptimeBefore"))))
                    .append(", after ").append(esc(String.valueOf(result.get("uptimeAfter")))).append("</p>");
            sb.append(String.format(Locale.ROOT, "<p>Capacity: <b>%.1f feedback/s</b> (%s)</p>", ((Number) result.get("capacity")).doubleValue(),
                    esc(String.valueOf(result.get("capacityNote")))));
            List<Map<String, Object>> ramp = (List<Map<String, Object>>) result.getOrDefault("ramp", List.of());
            if (!ramp.isEmpty()) {
                sb.append("<h3>Ramp</h3><table><tr><th>rate /s</th><th>offered</th><th>accepted</th><th>replied within grace</th>"
                        + "<th>escalated</th><th>notified within grace</th><th>reply p99 ms</th><th>kept up</th></tr>");
                for (var s : ramp) {
                    sb.append("<tr><td>").append(s.get("rate")).append("</td><td>").append(s.get("offered")).append("</td><td>")
                            .append(s.get("accepted")).append("</td><td>").append(s.get("repliedInTime")).append("</td><td>")
                            .append(s.get("escalated")).append("</td><td>").append(s.get("notifiedInTime")).append("</td><td>")
                            .append(s.get("replyP99Ms")).append("</td><td>").append(s.get("keptUp")).append("</td></tr>");
                }
                sb.append("</table>");
            }
            List<Map<String, Object>> rates = (List<Map<String, Object>>) result.getOrDefault("rates", List.of());
            sb.append("<h3>Fixed rates</h3><table><tr><th>rate</th><th>offered</th><th>accepted</th><th>escalated</th><th>notified</th>"
                    + "<th>replied</th><th>missing notif. / reply</th><th>doubled notif. / reply</th>");
            for (String stage : STAGES) {
                sb.append("<th>").append(esc(stage)).append(" p50 / p99 / p99.9 / max</th>");
            }
            sb.append("</tr>");
            for (var r : rates) {
                Map<String, Object> lat = (Map<String, Object>) r.get("latencyMs");
                sb.append("<tr><td>").append(esc(String.valueOf(r.get("name")))).append("</td><td>").append(r.get("offered"))
                        .append("</td><td>").append(r.get("accepted")).append("</td><td>").append(r.get("escalated"))
                        .append("</td><td>").append(r.get("notified")).append("</td><td>").append(r.get("replied"))
                        .append("</td><td>").append(r.get("notificationsMissing")).append(" / ").append(r.get("repliesMissing"))
                        .append("</td><td>").append(r.get("notificationsDoubled")).append(" / ").append(r.get("repliesDoubled"))
                        .append("</td>");
                for (String stage : STAGES) {
                    sb.append("<td>").append(esc(quad(lat.get(stage)))).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</table>");
            for (String stage : STAGES) {
                sb.append("<h4>").append(esc(stage)).append(" (ms, log scale)</h4>");
                sb.append(chart(rates, stage));
            }
            Map<String, Object> b = (Map<String, Object>) result.get("baselines");
            if (b != null) {
                sb.append(String.format(Locale.ROOT, "<h3>Baselines on the same broker</h3><p>%s records of %s bytes, %s partitions: "
                                + "raw producer %,d records/s, raw consumer %,d records/s; capacity / producer %.4f, capacity / consumer %.4f</p>",
                        b.get("records"), b.get("valueBytes"), b.get("partitions"), (Long) b.get("producerRecordsPerSecond"),
                        (Long) b.get("consumerRecordsPerSecond"), (Double) b.get("capacityOverProducer"), (Double) b.get("capacityOverConsumer")));
            }
        }

        @SuppressWarnings("unchecked")
        private static String chart(List<Map<String, Object>> rates, String stage) {
            int w = 720;
            int h = 260;
            int left = 60;
            int bottom = 40;
            int top = 20;
            double maxMs = 1;
            for (var r : rates) {
                Map<String, Object> q = (Map<String, Object>) ((Map<String, Object>) r.get("latencyMs")).get(stage);
                if (q.get("max") instanceof Number m) {
                    maxMs = Math.max(maxMs, m.longValue());
                }
            }
            double logMax = Math.ceil(Math.log10(maxMs));
            double plotH = h - top - bottom;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, h));
            for (int d = 0; d <= logMax; d++) {
                double y = top + plotH - plotH * d / Math.max(1, logMax);
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left, w - 10, y, y, left - 4, y + 4,
                        (long) Math.pow(10, d)));
            }
            double groupW = (w - left - 10.0) / Math.max(1, rates.size());
            double barW = groupW * 0.8 / SERIES.length;
            for (int g = 0; g < rates.size(); g++) {
                Map<String, Object> r = rates.get(g);
                Map<String, Object> q = (Map<String, Object>) ((Map<String, Object>) r.get("latencyMs")).get(stage);
                for (int s = 0; s < SERIES.length; s++) {
                    if (!(q.get(SERIES[s]) instanceof Number n)) {
                        continue;
                    }
                    long v = n.longValue();
                    double bh = plotH * Math.log10(Math.max(1, v)) / Math.max(1, logMax);
                    double x = left + g * groupW + groupW * 0.1 + s * barW;
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                    + "<title>%s %s: %d ms</title></rect><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                            x, top + plotH - bh, barW - 2, bh, COLORS[s], esc(String.valueOf(r.get("name"))), SERIES[s], v,
                            x + barW / 2 - 1, top + plotH - bh - 3, v));
                }
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        left + g * groupW + groupW / 2, h - bottom + 16, esc(String.valueOf(r.get("name")))));
            }
            for (int s = 0; s < SERIES.length; s++) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>", left + s * 70, h - 14, COLORS[s], left + s * 70 + 14, h - 5, SERIES[s]));
            }
            return sb.append("</svg>\n").toString();
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
