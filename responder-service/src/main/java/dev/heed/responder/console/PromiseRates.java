package dev.heed.responder.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The promise-kept rate per queue: kept / (kept + broken), from routing's own counts on each complaint's latest
 * complaints.state row, summed over the complaints the timeline index holds. Replaced promises (the customer was told
 * of a new time before the old one passed) and open ones are neither kept nor broken, so they are counted beside the
 * rate, not in it. {@code complaints} is how many complaints with a state row the figure covers: the dashboard says
 * so, as the completeness figure names the ids it covers.
 */
public record PromiseRates(List<Row> queues, int complaints) {

    /** One queue: its complaints that made a promise, the counts, and the rate (null while nothing was kept or broken). */
    public record Row(String queue, int complaints, int made, int kept, int broken, int replaced, int open, Double keptRate) {}

    public static PromiseRates of(Collection<ComplaintFacts> all) {
        Map<String, int[]> byQueue = new TreeMap<>();
        int covered = 0;
        for (ComplaintFacts f : all) {
            PromiseHistory.Counts c = f.promises();
            if (c == null) {
                continue;
            }
            covered++;
            if (c.made() == 0) {
                continue;
            }
            int[] sums = byQueue.computeIfAbsent(f.queue() == null ? "" : f.queue(), q -> new int[6]);
            sums[0]++;
            sums[1] += c.made();
            sums[2] += c.kept();
            sums[3] += c.broken();
            sums[4] += c.replaced();
            sums[5] += c.nextUpdateBy() != null ? 1 : 0;
        }
        List<Row> rows = byQueue.entrySet().stream().map(e -> {
            int[] s = e.getValue();
            return new Row(e.getKey(), s[0], s[1], s[2], s[3], s[4], s[5], s[2] + s[3] == 0 ? null : (double) s[2] / (s[2] + s[3]));
        }).toList();
        return new PromiseRates(rows, covered);
    }
}
