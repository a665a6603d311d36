package dev.heed.responder.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customers' verdicts per queue, from each complaint's latest complaints.state row over the complaints the timeline
 * index holds: the verdict rate, answered / resolved (complaints with a verdict among those resolved at least once), and
 * the mean score of those verdicts, with how many were negative (2 or less). A complaint counts once, with its last
 * verdict, however often it was resolved. {@code complaints} is how many complaints with a state row the figure covers.
 */
public record VerdictRates(List<Row> queues, int complaints) {

    /** One queue: complaints resolved, answered, negative, the rate and the mean score (null while nothing was answered). */
    public record Row(String queue, int resolved, int answered, int negative, Double rate, Double meanScore) {}

    public static VerdictRates of(Collection<ComplaintFacts> all) {
        Map<String, int[]> byQueue = new TreeMap<>();
        int covered = 0;
        for (ComplaintFacts f : all) {
            ComplaintFacts.Verdict v = f.verdict();
            if (v == null) {
                continue;
            }
            covered++;
            if (v.resolutions() == 0 && !v.answered()) {
                continue;
            }
            int[] sums = byQueue.computeIfAbsent(f.queue() == null ? "" : f.queue(), q -> new int[4]);
            sums[0]++;
            if (v.answered()) {
                sums[1]++;
                sums[2] += v.score();
                sums[3] += v.score() <= 2 ? 1 : 0;
            }
        }
        List<Row> rows = byQueue.entrySet().stream().map(e -> {
            int[] s = e.getValue();
            return new Row(e.getKey(), s[0], s[1], s[3], s[0] == 0 ? null : (double) s[1] / s[0], s[1] == 0 ? null : (double) s[2] / s[1]);
        }).toList();
        return new VerdictRates(rows, covered);
    }
}
