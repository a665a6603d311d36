package dev.heed.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary a fault run prints at its end, one row per fault: how often it was injected, what was lost and
 * duplicated (from {@link Counts}), reminders sent after an acknowledgement (where an agent acknowledged), the longest stall (the longest time without a single 202) and the longest
 * recovery (from an injection until the system was whole again). Times are measurements to read, never
 * assertions. Thread-safe.
 */
public final class FaultTable {

    /**
     * One fault's line; {@code remindersAfterAck} is -1 where nobody acknowledged during the run (rendered "–").
     */
    public record Row(String fault, int injected, int lost, int duplicated, int remindersAfterAck, Duration longestStall,
                      Duration recovery) {}

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A Markdown table, so it can be pasted into docs as it is. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("| fault | injected | lost | duplicated | reminders after ack | longest stall | recovery time |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.fault())
                    .append(" | ").append(row.injected())
                    .append(" | ").append(row.lost())
                    .append(" | ").append(row.duplicated())
                    .append(" | ").append(row.remindersAfterAck() < 0 ? "–" : Integer.toString(row.remindersAfterAck()))
                    .append(" | ").append(seconds(row.longestStall()))
                    .append(" | ").append(seconds(row.recovery()))
                    .append(" |\n");
        }
        return out.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
