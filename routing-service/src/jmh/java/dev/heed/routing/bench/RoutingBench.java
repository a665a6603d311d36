package dev.heed.routing.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.localstack.LocalStack;
import dev.heed.localstack.Stack;
import dev.heed.routing.topology.processor.PunctuationBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routing benchmarks, printed as ratios (see docs/benchmarks/routing.md):
 * <ol>
 *   <li>punctuation cost with 10^6 vs 10^4 open clocks, the same number due (goal: at most 2);</li>
 *   <li>routing throughput over a bare exactly_once_v2 read→write app on the same broker and records, and over
 *       an app that makes routing's Kafka and RocksDB writes and nothing else ("same writes"; goal: at least 0.5);</li>
 *   <li>reminder lateness with many clocks falling due at once ({@code lateness [clocks, default 100000] [delay
 *       seconds, default 300] [stream threads, default 1]}, not in {@code all}; goal: max ≤ punctuation interval + 1 s);</li>
 *   <li>the service's resident memory with many open clocks, restored into a child JVM ({@code memory [clocks, default
 *       1000000]}, not in {@code all}; goal: at most 1 GiB at 10^6).</li>
 * </ol>
 * Arguments: {@code [all|punctuation|throughput] [records for throughput, default 200000] [due per punctuation,
 * default 500]}, e.g. {@code -Djmh.main=dev.heed.routing.bench.RoutingBench -Djmh.args="throughput 500000"}
 * with {@code -Pbench}. {@code lateness} and {@code memory} also take {@code --json FILE}: their figures are written
 * there as one JSON object as well as printed ({@code bench/end-to-end} merges them into its result).
 */
public final class RoutingBench {

    private RoutingBench() {
    }

    public static void main(String[] given) throws Exception {
        List<String> rest = new ArrayList<>(List.of(given));
        Path json = null;
        int at = rest.indexOf("--json");
        if (at >= 0 && at + 1 < rest.size()) {
            json = Path.of(rest.remove(at + 1));
            rest.remove(at);
        }
        String[] args = rest.toArray(String[]::new);
        String which = args.length > 0 ? args[0] : "all";
        if (!List.of("all", "punctuation", "throughput", "lateness", "memory").contains(which)) {
            // -Djmh.main without -Djmh.args would hand JMH's options over as these arguments.
            System.err.println("usage: RoutingBench [all|punctuation|throughput] [records] [due] | lateness [clocks] [delay s] [threads]"
                    + " | memory [clocks], [--json FILE] for lateness and memory, not " + List.of(given));
            System.exit(2);
        }
        if (which.equals("memory")) {
            try (Stack stack = LocalStack.start()) {
                write(json, new MemoryBench(stack).run(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000));
            }
            System.exit(0);
        }
        if (which.equals("lateness")) {
            try (Stack stack = LocalStack.start()) {
                write(json, new LatenessBench(stack).run(args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
                        java.time.Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 300),
                        args.length > 3 ? Integer.parseInt(args[3]) : 1));
            }
            System.exit(0);
        }
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int due = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        if (!which.equals("throughput")) {
            punctuation(due);
        }
        if (!which.equals("punctuation")) {
            throughput(records);
        }
        System.exit(0);
    }

    /** Writes one mode's figures to {@code --json}'s file, when given. */
    private static void write(Path json, Map<String, Object> result) throws Exception {
        if (json == null) {
            return;
        }
        if (json.toAbsolutePath().getParent() != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), result);
        System.out.println("wrote " + json.toAbsolutePath());
    }

    private static void punctuation(int due) throws Exception {
        int rounds = 9;
        // A discarded first run warms the JIT, so neither measured size pays for compilation.
        PunctuationBench.medianNanos(10_000, due, rounds, Files.createTempDirectory("bench-warmup"));
        long small = PunctuationBench.medianNanos(10_000, due, rounds, Files.createTempDirectory("bench-small"));
        long large = PunctuationBench.medianNanos(1_000_000, due, rounds, Files.createTempDirectory("bench-large"));
        System.out.printf("punctuation, %d due: 10^4 open %.2f ms, 10^6 open %.2f ms, ratio %.2f (goal <= 2)%n",
                due, small / 1e6, large / 1e6, (double) large / small);
        double[] rebuild = PunctuationBench.rebuild(1_000_000, Files.createTempDirectory("bench-rebuild"));
        System.out.printf("task start with 10^6 open clocks: due index rebuilt in %.0f ms, about %.0f MiB of heap%n",
                rebuild[0], rebuild[1]);
    }

    private static void throughput(int records) throws Exception {
        try (Stack stack = LocalStack.start()) {
            ThroughputBench bench = new ThroughputBench(stack);
            long loaded = bench.load(records);
            if (loaded != records) {
                System.out.printf("the broker kept %d of %d records; timing both apps on those%n", loaded, records);
            }
            // Mirrored runs (bare, same writes, routing, routing, same writes, bare) so a slow phase of a shared
            // machine hits each alike.
            double bare = bench.bare(loaded);
            double same = bench.sameWrites(loaded);
            double routing = bench.routing(loaded);
            routing += bench.routing(loaded);
            same += bench.sameWrites(loaded);
            bare += bench.bare(loaded);
            // Both ratios on one line: routing / same writes is the goal since issue 19 (bare is out of reach by
            // construction, docs/benchmarks/routing.md); routing / bare stays for the history.
            System.out.printf("throughput, %d records, mean of 2 runs each: bare EOS %.0f rec/s, same writes %.0f rec/s,"
                    + " routing %.0f rec/s%n", loaded, bare / 2, same / 2, routing / 2);
            System.out.printf("ratios: routing/bare %.2f, routing/same writes %.2f (goal >= 0.5), same writes/bare %.2f%n",
                    routing / bare, routing / same, same / bare);
        }
    }
}
