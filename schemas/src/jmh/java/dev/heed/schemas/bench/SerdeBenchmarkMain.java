package dev.heed.schemas.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link SerdeBenchmark} and prints the serde's throughput as a ratio of bare Avro's (goal ≥ 0.8). */
public final class SerdeBenchmarkMain {
    private SerdeBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        var options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(SerdeBenchmark.class.getName() + ".*").build();
        Collection<RunResult> results = new Runner(options).run();
        double heed = score(results, "heedSerde");
        double bare = score(results, "bareAvro");
        System.out.printf("%nserialize+deserialize FeedbackReceived: heed serde %.0f ops/s, bare Avro %.0f ops/s, ratio %.2f (goal >= 0.80)%n",
                heed, bare, heed / bare);
    }

    private static double score(Collection<RunResult> results, String method) throws RunnerException {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElseThrow(() -> new RunnerException("no result for " + method));
    }
}
