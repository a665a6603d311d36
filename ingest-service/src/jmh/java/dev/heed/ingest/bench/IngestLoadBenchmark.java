package dev.heed.ingest.bench;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.ingest.IngestApplication;
import dev.heed.ingest.IngestConfig;
import dev.heed.ingest.auth.ApiKeyRegistry;
import dev.heed.ingest.http.IngestServer;
import dev.heed.ingest.kafka.FeedbackPublisher;
import dev.heed.ingest.kafka.Placement;
import dev.heed.localstack.LocalStack;
import dev.heed.localstack.Stack;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.serde.AvroSerde;
import dev.heed.schemas.topics.TopicNames;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark of the ingest-service on this machine, against a real in-process Kafka broker and the
 * Apicurio registry. Prints, per concurrency level, single-event POSTs beside an empty handler on a bare
 * Javalin (same Jetty, same client), then the batch endpoint's records/s beside a raw producer's.
 * Loopback only; every run is bounded in time and count. Options (system properties):
 * {@code bench.seconds} (per run, default 5), {@code bench.warmup} (least seconds of each warm-up, default 30; it goes on
 * until the JIT has settled, at most {@code bench.warmupMax} seconds, default 180),
 * {@code bench.levels} (default 1,4,16,64),
 * {@code bench.parts} (default {@code single,batch}), {@code bench.singleRounds} (rounds over all levels, default 3),
 * {@code bench.batch} (items per batch, default 500), {@code bench.batchClients} (default 8),
 * {@code bench.batchRounds} (rounds of batch and raw runs, default 5).
 */
public final class IngestLoadBenchmark {
    private static final String KEY = "bench-key";
    /** One step of a warm-up. */
    private static final Duration STEP = Duration.ofSeconds(5);
    /** Reads the service's own /metrics between runs. */
    private static final HttpClient METRICS = HttpClient.newHttpClient();
    private static final long MAX_REQUESTS = 500_000;

    private IngestLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Duration seconds = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        int[] levels = Arrays.stream(System.getProperty("bench.levels", "1,4,16,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int batchSize = Integer.getInteger("bench.batch", 500);
        Set<String> parts = Set.of(System.getProperty("bench.parts", "single,batch").split(","));
        if (!Set.of("single", "batch").containsAll(parts)) {
            throw new IllegalArgumentException("bench.parts takes single and/or batch, not " + parts);
        }
        try (Stack stack = LocalStack.startInProcess(1, LocalStack.DEFAULT_COMPATIBILITY);
             IngestApplication app = IngestApplication.start(config(stack), Clock.systemUTC())) {
            Javalin empty = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.post("/empty", ctx -> ctx.status(202).contentType("application/json").result("{}"));
            }).start("127.0.0.1", 0);
            try {
                var load = new LoadGenerator();
                URI ingest = URI.create("http://127.0.0.1:" + app.port() + "/v1/feedback");
                URI emptyUri = URI.create("http://127.0.0.1:" + empty.port() + "/empty");
                // The ingest path runs far more code than an empty handler (Jackson, Avro, Kafka, CloudEvents, and the
                // in-process broker's own): measured before the JIT has compiled it, the comparison would be about the
                // compiler. A fixed 30 s was not enough: the compiler still used 0.4-1 core of the two 50-80 s in.
                Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 30));
                URI batchUri = URI.create("http://127.0.0.1:" + app.port() + "/v1/feedback/batch");
                // Each measurement follows its own warm-up: measured after the batch warm-up, single POSTs paid for
                // the million records it left behind (a fuller heap, idempotency entries, broker log work).
                if (parts.contains("single")) {
                    warmSingle(load, ingest, emptyUri, levels[levels.length - 1], warmup);
                    single(load, ingest, emptyUri, levels, seconds);
                }
                if (parts.contains("batch")) {
                    try (IngestServer withoutKafka = withoutKafka(config(stack))) {
                        URI withoutKafkaUri = URI.create("http://127.0.0.1:" + withoutKafka.port() + "/v1/feedback/batch");
                        untilCompiled("batch", warmup, step -> batchRun(load, batchUri, batchSize, STEP, "warm-b" + step));
                        batchRun(load, withoutKafkaUri, batchSize, Duration.ofSeconds(5), "warm-n");
                        batch(load, stack, batchUri, withoutKafkaUri, batchSize, seconds);
                    }
                }
            } finally {
                empty.stop();
            }
        }
    }

    private static void warmSingle(LoadGenerator load, URI ingest, URI empty, int concurrency, Duration duration) throws Exception {
        untilCompiled("single POSTs", duration, step -> {
            posts(load, ingest, "warm-" + step + "-", concurrency, STEP, "X-API-Key", KEY);
            posts(load, empty, "warm-" + step + "-", concurrency, STEP);
        });
    }

    /** One step of a warm-up: a few seconds of load. */
    private interface WarmUpStep {
        void run(int step) throws Exception;
    }

    /**
     * Repeats {@code step} for at least {@code min} and until the JIT compilers used less than a twentieth of a
     * core over the last step, or for at most {@code bench.warmupMax} seconds (default 180); prints what it took.
     */
    private static void untilCompiled(String label, Duration min, WarmUpStep step) throws Exception {
        var compiler = ManagementFactory.getCompilationMXBean();
        long max = Duration.ofSeconds(Long.getLong("bench.warmupMax", 180)).toNanos();
        long started = System.nanoTime();
        double compiling;
        int n = 0;
        do {
            long compiledMs = compiler.getTotalCompilationTime();
            long stepStarted = System.nanoTime();
            step.run(n++);
            compiling = (compiler.getTotalCompilationTime() - compiledMs) / ((System.nanoTime() - stepStarted) / 1e6);
        } while (System.nanoTime() - started < min.toNanos()
                || (compiling >= 0.05 && System.nanoTime() - started < max));
        System.out.printf("%s warm-up: %.0f s, the JIT compiling %.2f of a core in the last step%n", label,
                (System.nanoTime() - started) / 1e9, compiling);
    }

    /** Single-event POSTs, each with its own event id under {@code prefix}. */
    private static LoadGenerator.Result posts(LoadGenerator load, URI uri, String prefix, int concurrency, Duration duration,
                                              String... headers) throws InterruptedException {
        return load.run(uri, "application/json", n -> Payloads.feedback(prefix + n), 202, concurrency, duration, MAX_REQUESTS, headers);
    }

    /**
     * Rounds over every level, ingest and empty handler in turn, and the ratio taken of the medians: one
     * 5 s run at one level moved by half between runs on this shared 2-core machine. Every round is printed.
     */
    private static void single(LoadGenerator load, URI ingest, URI empty, int[] levels, Duration duration) throws Exception {
        // Five rounds, not three: with three, concurrency 4 read 0.35 to 0.44 from one run to the next.
        int rounds = Integer.getInteger("bench.singleRounds", 5);
        double[][] ingestRate = new double[levels.length][rounds];
        double[][] emptyRate = new double[levels.length][rounds];
        System.out.printf("%nsingle-event POST /v1/feedback vs empty handler (%ds per run, %d rounds)%n", duration.toSeconds(), rounds);
        System.out.printf("%5s %11s | %12s %8s %8s %8s | %12s %8s %8s %8s | %6s%n", "round", "concurrency", "ingest req/s", "p50 ms",
                "p99 ms", "cpu us", "empty req/s", "p50 ms", "p99 ms", "cpu us", "ratio");
        for (int r = 0; r < rounds; r++) {
            for (int l = 0; l < levels.length; l++) {
                int concurrency = levels[l];
                String prefix = "run-" + r + "-" + concurrency + "-";
                long cpu = processCpuNanos();
                var ingestResult = posts(load, ingest, prefix, concurrency, duration, "X-API-Key", KEY);
                double ingestCpu = cpuMicrosPer(cpu, ingestResult.requests());
                cpu = processCpuNanos();
                var emptyResult = posts(load, empty, prefix, concurrency, duration);
                double emptyCpu = cpuMicrosPer(cpu, emptyResult.requests());
                ingestRate[l][r] = ingestResult.perSecond();
                emptyRate[l][r] = emptyResult.perSecond();
                System.out.printf("%5d %11d | %12.0f %8.2f %8.2f %8.0f | %12.0f %8.2f %8.2f %8.0f | %6.2f%n", r + 1, concurrency,
                        ingestResult.perSecond(), ingestResult.p50(), ingestResult.p99(), ingestCpu,
                        emptyResult.perSecond(), emptyResult.p50(), emptyResult.p99(), emptyCpu,
                        ingestResult.perSecond() / emptyResult.perSecond());
            }
        }
        // Also the median of each round's own ratio: a round's two runs follow each other, so a machine that slows
        // down or speeds up between rounds moves both; the two estimates differing shows how much the noise moves.
        System.out.printf("medians:%n%11s | %12s | %12s | %6s | %16s%n", "concurrency", "ingest req/s", "empty req/s", "ratio",
                "round ratios, median");
        for (int l = 0; l < levels.length; l++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = ingestRate[l][r] / emptyRate[l][r];
            }
            System.out.printf("%11d | %12.0f | %12.0f | %6.2f | %16.2f%n", levels[l], median(ingestRate[l]), median(emptyRate[l]),
                    median(ingestRate[l]) / median(emptyRate[l]), median(ratios));
        }
        System.out.println("goal: ratio >= 0.40 at each level");
    }

    /**
     * The same service, request thread to answer, with a publisher that acknowledges every record at once and
     * writes nothing (no Avro, no producer): what the service adds on top of what the raw producer does.
     */
    private static IngestServer withoutKafka(IngestConfig config) {
        var offsets = new AtomicLong();
        FeedbackPublisher acknowledgeAtOnce = (event, done) ->
                done.accept(new Placement(TopicNames.FEEDBACK_RECEIVED, 0, offsets.getAndIncrement()), null);
        return IngestApplication.serve(config, acknowledgeAtOnce, () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC());
    }

    /**
     * Rounds of batch endpoint, the service without Kafka, raw producer (same records) and raw producer (key and
     * value only), in turn: one 5 s raw run on a shared machine moved by a factor of ten between runs, so the
     * ratio is taken of the medians, and every round is printed.
     */
    private static void batch(LoadGenerator load, Stack stack, URI uri, URI withoutKafkaUri, int batchSize, Duration duration)
            throws Exception {
        int clients = Integer.getInteger("bench.batchClients", 8);
        // Nine rounds, not five: one round's ratio moves between 0.4 and 0.6, and five left the median as loose.
        int rounds = Integer.getInteger("bench.batchRounds", 9);
        var serde = AvroSerde.of(FeedbackReceived.class, new HttpSchemaRegistryClient(stack.registryUrl()), true);
        // The service's producer settings, -Dbench.kafka.* included, so a producer setting tried on the service is
        // tried on its yardstick too.
        Map<String, String> kafka = config(stack).kafka();
        Instant now = Instant.now();
        double[] http = new double[rounds];
        double[] raw = new double[rounds];
        double[] valueOnly = new double[rounds];
        System.out.printf("%nbatch POST /v1/feedback/batch (%d items, %d clients) vs raw producer, records/s (%ds per run)%n",
                batchSize, clients, duration.toSeconds());
        System.out.printf("%5s | %10s %8s %8s %8s | %12s %8s | %12s %8s | %12s%n", "round", "batch", "p50 ms", "p99 ms", "cpu us",
                "no kafka", "cpu us", "raw (same)", "cpu us", "raw (k+v)");
        // The batch endpoint had its warm-up; the raw producer gets one too, or its first round measures the JIT.
        RawProducerRun.run(stack.bootstrapServers(), kafka, TopicNames.FEEDBACK_RECEIVED, serde.serializer(),
                n -> event("raw-warm-" + n, now), duration, 5_000_000, true);
        double[] alone = new double[rounds];
        double[] aloneCpu = new double[rounds];
        double[] httpCpu = new double[rounds];
        double[] rawCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu = processCpuNanos();
            var result = batchRun(load, uri, batchSize, duration, "b" + r + "-");
            http[r] = result.perSecond() * batchSize;
            httpCpu[r] = cpuMicrosPer(cpu, result.requests() * (double) batchSize);
            printProducerMetrics(uri);
            cpu = processCpuNanos();
            var aloneResult = batchRun(load, withoutKafkaUri, batchSize, duration, "n" + r + "-");
            alone[r] = aloneResult.perSecond() * batchSize;
            aloneCpu[r] = cpuMicrosPer(cpu, aloneResult.requests() * (double) batchSize);
            String round = "r" + r + "-";
            cpu = processCpuNanos();
            var rawRun = RawProducerRun.run(stack.bootstrapServers(), kafka, TopicNames.FEEDBACK_RECEIVED, serde.serializer(),
                    n -> event("raw-" + round + n, now), duration, 5_000_000, true);
            raw[r] = rawRun.perSecond();
            rawCpu[r] = cpuMicrosPer(cpu, rawRun.records());
            valueOnly[r] = RawProducerRun.run(stack.bootstrapServers(), kafka, TopicNames.FEEDBACK_RECEIVED, serde.serializer(),
                    n -> event("raw-v-" + round + n, now), duration, 5_000_000, false).perSecond();
            System.out.printf("%5d | %10.0f %8.1f %8.1f %8.1f | %12.0f %8.1f | %12.0f %8.1f | %12.0f%n", r + 1, http[r], result.p50(),
                    result.p99(), httpCpu[r], alone[r], aloneCpu[r], raw[r], rawCpu[r], valueOnly[r]);
        }
        System.out.printf("medians: batch %.0f, raw producer with the same records (ce_* headers included) %.0f, key and value only %.0f%n",
                median(http), median(raw), median(valueOnly));
        double[] roundRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            roundRatios[r] = http[r] / raw[r];
        }
        // As for single POSTs: a round's runs follow each other, so the machine's drift between rounds moves both.
        System.out.printf("ratio %.2f (goal >= 0.50), median of round ratios %.2f; against key-and-value-only records %.2f%n",
                median(http) / median(raw), median(roundRatios), median(http) / median(valueOnly));
        System.out.printf("process CPU per record (all threads: client, service, broker, registry client, GC, JIT), medians: "
                + "batch %.1f us, the service without Kafka %.1f us, raw producer %.1f us%n", median(httpCpu), median(aloneCpu), median(rawCpu));
        // The batch endpoint does what the raw producer does (Avro, send, broker) plus what the service does around
        // it; when the machine is the limit, throughput goes as 1 / CPU per record.
        System.out.printf("bound from CPU: the service alone costs %.2f raw-producer records per record, so on a CPU-bound machine"
                + " the ratio is at most about %.2f%n", median(aloneCpu) / median(rawCpu), median(rawCpu) / (median(rawCpu) + median(aloneCpu)));
        System.out.printf("requests retried once on a closed keep-alive connection: %d%n", LoadGenerator.retries());
    }

    /**
     * The service producer's batching, from its own /metrics, in the raw producer's format: fewer records per
     * produce request means more requests, and more broker work, for the same records.
     */
    private static void printProducerMetrics(URI uri) throws Exception {
        String text = METRICS.send(HttpRequest.newBuilder(uri.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf("    service producer: records/request %.1f, batch bytes avg %.0f%n",
                prometheusValue(text, "kafka_producer_records_per_request_avg"), prometheusValue(text, "kafka_producer_batch_size_avg"));
    }

    private static double prometheusValue(String text, String name) {
        return text.lines().filter(line -> line.startsWith(name + "{")).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /** Process CPU microseconds per request or record since {@code mark}, a {@link #processCpuNanos} reading. */
    private static double cpuMicrosPer(long mark, double count) {
        return (processCpuNanos() - mark) / 1e3 / count;
    }

    /** CPU time of this whole process: the client, the service and the broker share it, as they share the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static LoadGenerator.Result batchRun(LoadGenerator load, URI uri, int batchSize, Duration duration, String prefix)
            throws InterruptedException {
        return load.run(uri, "application/json", n -> Payloads.batch(prefix + n, batchSize), 202,
                Integer.getInteger("bench.batchClients", 8), duration, 10_000, "X-API-Key", KEY);
    }

    private static IngestConfig config(Stack stack) {
        var env = new HashMap<String, String>();
        env.put("HEED_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("HEED_REGISTRY_URL", stack.registryUrl());
        env.put("HEED_INGEST_HOST", "127.0.0.1");
        env.put("HEED_INGEST_PORT", "0");
        env.put("HEED_INGEST_API_KEYS", "bench=" + ApiKeyRegistry.hash(KEY));
        env.put("HEED_INGEST_RATE_PER_SECOND", "1000000000");
        env.put("HEED_INGEST_RATE_BURST", "1000000000");
        // The idempotency store keeps its default bound (100,000 entries), as a deployed service does: the first
        // version held a million, half a gigabyte of live entries that the collector copied through every run.
        env.put("HEED_INGEST_MAX_BATCH_BYTES", "8388608");
        // Any producer setting can be tried without a rebuild, e.g. -Dbench.kafka.linger.ms=1.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.kafka."))
                .forEach(name -> env.put("HEED_KAFKA_" + name.substring("bench.kafka.".length()).replace('.', '_').toUpperCase(java.util.Locale.ROOT),
                        System.getProperty(name)));
        return IngestConfig.from(Map.copyOf(env));
    }

    private static FeedbackReceived event(String id, Instant now) {
        return FeedbackReceived.newBuilder().setEventId(id).setIngestId(id).setSourceSystem("bench").setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().setEmail("ada@example.org").build())
                .setText(Payloads.TEXT).setRating(2).setOccurredAt(now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS))
                .setReceivedAt(now.truncatedTo(ChronoUnit.MILLIS)).setAttributes(Map.of("plan", "pro")).build();
    }
}
