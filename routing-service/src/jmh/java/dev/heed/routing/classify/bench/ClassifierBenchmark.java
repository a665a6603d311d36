package dev.heed.routing.classify.bench;

import dev.heed.routing.classify.ClassifierInput;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.Token;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Texts per second, single thread (so per core), for the whole classifier and for a bare tokenizer pass over
 * the same texts; {@link #main} prints both and their ratio. One operation classifies one text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {

    private static final int TEXTS = 1024;

    /** 140 characters: a tweet; 1000: a long complaint. */
    @Param({"140", "1000"})
    public int length;

    private final FeedbackClassifier classifier = FeedbackClassifier.loadDefault();
    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        texts = BenchTexts.generate(TEXTS, length, 42);
    }

    @Benchmark
    public Object classify() {
        return classifier.classify(ClassifierInput.ofText(nextText()));
    }

    @Benchmark
    public List<Token> tokenize() {
        return classifier.tokenizer().tokenize(nextText());
    }

    private String nextText() {
        next = (next + 1) & (TEXTS - 1);
        return texts[next];
    }

    /** Runs the benchmarks (JMH command-line options apply, e.g. {@code -f 1 -wi 3 -i 5}) and prints the ratio. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(ClassifierBenchmark.class.getSimpleName()).threads(1).build()).run();
        System.out.println();
        System.out.println("length  classify texts/s  tokenize texts/s  classify/tokenize time ratio");
        for (String len : new String[] {"140", "1000"}) {
            double classify = score(results, "classify", len);
            double tokenize = score(results, "tokenize", len);
            System.out.printf(Locale.ROOT, "%6s  %16.0f  %16.0f  %8.1fx%n", len, classify, tokenize, tokenize / classify);
        }
    }

    private static double score(Collection<RunResult> results, String method, String length) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method)
                        && length.equals(r.getParams().getParam("length")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst().orElse(Double.NaN);
    }
}
