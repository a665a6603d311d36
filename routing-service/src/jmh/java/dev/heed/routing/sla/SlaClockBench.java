package dev.heed.routing.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * What the punctuator pays per due clock: one {@link SlaClock#catchUp} that emits the next point (and so computes
 * the one after it), for clocks that have run a day or half a year, on a policy without a calendar ("always") and on
 * one in office hours with holidays ("office"). {@link #main} prints each against the one-day "always" clock:
 * the cost of a calendar and of a clock's age, which should stay flat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SlaClockBench {

    private static final Instant NOW = Instant.parse("2026-11-10T10:30:00Z");
    private static final BusinessCalendar OFFICE = BusinessCalendar.parse("office", ZoneId.of("Europe/Berlin"),
            "Mon-Fri 09:00-17:00", List.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                    "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"));

    @Param({"always", "office"})
    public String calendar;

    /** How long the clock has run when the point falls due, in days. */
    @Param({"1", "30", "180"})
    public int ageDays;

    private SlaClock due;
    private Instant at;

    @Setup
    public void clock() {
        SlaPolicy policy = new SlaPolicy("bench", 1, Duration.ofHours(4), SlaPolicy.DEFAULT_WARNINGS, Duration.ofHours(1),
                2, "office".equals(calendar) ? OFFICE : BusinessCalendar.ALWAYS);
        SlaClock clock = SlaClock.start("c", policy, NOW.minus(Duration.ofDays(ageDays)));
        // Every point before NOW emitted, as a punctuator keeping up would have; the next one is the one measured.
        clock = clock.catchUp(NOW).clock();
        due = clock;
        at = clock.nextDueAt();
    }

    @Benchmark
    public SlaClock.CatchUp emitNext() {
        return due.catchUp(at);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        var options = new OptionsBuilder().include(SlaClockBench.class.getName())
                .parent(new CommandLineOptions(args)).build();
        Collection<RunResult> results = new Runner(options).run();
        double base = results.stream().filter(r -> "always".equals(r.getParams().getParam("calendar"))
                && "1".equals(r.getParams().getParam("ageDays"))).mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst()
                .orElseThrow();
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "catch-up %-6s %4s days: %,12.0f ops/s  %6.3f of always/1 day%n",
                    r.getParams().getParam("calendar"), r.getParams().getParam("ageDays"), score, score / base);
        }
    }
}
