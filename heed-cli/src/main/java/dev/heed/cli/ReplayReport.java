package dev.heed.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.routing.sla.Level;
import dev.heed.routing.sla.PolicyReplay.Tally;
import dev.heed.routing.sla.ResolutionReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What {@code heed replay} prints: the live and the candidate tally side by side, as a table for people or one JSON
 * object for scripts. Both tallies cover the same complaints and the same horizon. The first-response clock comes first,
 * as it always has; the resolution clock after it, a block only when a book has a resolution target (in JSON, a side's
 * {@code resolution} object only when it has one for some complaint).
 *
 * @param input      what was read from the topics
 * @param receivedFrom the earliest {@code receivedAt} of the complaints replayed; null when there are none
 * @param receivedTo   the latest; null when there are none
 * @param live       the tally under the policies routing is configured with
 * @param liveFrom   where those came from (a variable or the defaults), for the reader
 * @param candidate  the tally under the candidate policies
 */
record ReplayReport(Input input, Instant receivedFrom, Instant receivedTo, Tally live, String liveFrom, Tally candidate) {

    /** Counts of what the three topics held. */
    record Input(int escalations, int repeatedEscalations, int acknowledgements, int acknowledgedWithoutEscalation,
                 int updates, int resolutions, int reopenings, int actionsWithoutEscalation, int resolutionsOfResolved,
                 int unreadable) {
        static Input of(ReplayInput input) {
            return new Input(input.escalationRecords(), input.repeatedEscalations(), input.acknowledgementRecords(),
                    input.acknowledgedWithoutEscalation(), input.updateRecords(), input.resolutions(), input.reopenings(),
                    input.actionsWithoutEscalation(), input.resolutionsOfResolved(), input.unreadableRecords());
        }
    }

    private static final String ROW = "%-34s %-25s %s%n";

    String text() {
        StringBuilder out = new StringBuilder();
                out.append(String.format(Locale.ROOT, "%,d complaints", live.complaints()));
        if (receivedFrom != null) {
            out.append(" received ").append(receivedFrom).append(" .. ").append(receivedTo);
        }
        out.append(", replayed to ").append(live.horizon()).append(String.format(Locale.ROOT,
                "%n%,d acknowledged by then, %,d open", live.acknowledged(), live.complaints() - live.acknowledged()));
        if (live.receivedLater() > 0) {
            out.append(String.format(Locale.ROOT, "; %,d received after it left out", live.receivedLater()));
        }
        out.append(String.format(Locale.ROOT, "%nread: %,d escalations (%,d repeated), %,d acknowledgements (%,d of complaints"
                        + " with no escalation), %,d unreadable records%n%n",
                input.escalations(), input.repeatedEscalations(), input.acknowledgements(), input.acknowledgedWithoutEscalation(),
                input.unreadable()));
        row(out, "", "live (" + liveFrom + ")", "candidate");
        row(out, "complaints breached", t -> count(t.breached()) + percent(t.breached(), t.complaints()));
        row(out, "warnings", t -> count(t.warnings()));
        row(out, "repeats after the breach", t -> count(t.repeats()));
        row(out, "due points in all", t -> count(t.points()));
        for (Level level : Level.values()) {
            row(out, "  to " + level, t -> count(t.pointsPerLevel().getOrDefault(level, 0)));
        }
        row(out, "receipt to breach, median", t -> duration(t.medianToBreach()));
        row(out, "receipt to breach, p90", t -> duration(t.p90ToBreach()));
        row(out, "busiest hour (UTC), points", t -> t.busiestHour() == null ? "-"
                : hour(t.busiestHour()) + " " + count(t.busiestHourPoints()));
        out.append("due points per queue\n");
        for (String queue : keys(live.pointsPerQueue(), candidate.pointsPerQueue())) {
            row(out, "  " + queue, t -> count(t.pointsPerQueue().getOrDefault(queue, 0)));
        }
        out.append("complaints per policy\n");
        for (String policy : keys(live.policies(), candidate.policies())) {
            row(out, "  " + policy, t -> count(t.policies().getOrDefault(policy, 0)));
        }
        resolution(out);
        return out.toString();
    }

    /**
     * The resolution clocks, after everything else (which counts the first response only): one line when neither book
     * has a resolution target for any complaint, else a block in which a side without one shows "-".
     */
    private void resolution(StringBuilder out) {
        String read = String.format(Locale.ROOT, "read: %,d updates, %,d resolutions and %,d reopenings among them (%,d of"
                        + " complaints with no escalation), %,d resolutions of a complaint resolved already%n", input.updates(),
                input.resolutions(), input.reopenings(), input.actionsWithoutEscalation(), input.resolutionsOfResolved());
        if (live.resolution().complaints() == 0 && candidate.resolution().complaints() == 0) {
            out.append("no resolution target in either book (policy key resolve); ").append(read);
            return;
        }
        out.append('\n');
        row(out, "resolution", "live (" + liveFrom + ")", "candidate");
        row(out, "complaints with a target", t -> t.resolution().complaints() == 0 ? "none"
                : count(t.resolution().complaints()) + percent(t.resolution().complaints(), t.complaints()));
        resolutionRow(out, "  resolved in time", r -> count(r.resolvedInTime()));
        resolutionRow(out, "  resolved late", r -> count(r.resolvedLate()));
        resolutionRow(out, "  open past the target", r -> count(r.openPastTarget()));
        resolutionRow(out, "  open within the target", r -> count(r.openWithinTarget()));
        resolutionRow(out, "resolutions", r -> count(r.resolutions()));
        resolutionRow(out, "reopenings", r -> count(r.reopenings()));
        resolutionRow(out, "resolution warnings", r -> count(r.warnings()));
        resolutionRow(out, "resolution breaches", r -> count(r.breaches()));
        resolutionRow(out, "resolution repeats", r -> count(r.repeats()));
        for (Level level : Level.values()) {
            resolutionRow(out, "  to " + level, r -> count(r.pointsPerLevel().getOrDefault(level, 0)));
        }
        resolutionRow(out, "escalation to resolution, median", r -> duration(r.medianToResolution()));
        resolutionRow(out, "escalation to resolution, p90", r -> duration(r.p90ToResolution()));
        out.append(read);
    }

    private void resolutionRow(StringBuilder out, String label, Function<ResolutionReplay.Tally, String> value) {
        row(out, label, t -> t.resolution().complaints() == 0 ? "-" : value.apply(t.resolution()));
    }

    ObjectNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("horizon", live.horizon().toString());
        if (receivedFrom != null) {
            root.put("receivedFrom", receivedFrom.toString());
            root.put("receivedTo", receivedTo.toString());
        }
        ObjectNode read = root.putObject("read");
        read.put("escalations", input.escalations());
        read.put("repeatedEscalations", input.repeatedEscalations());
        read.put("acknowledgements", input.acknowledgements());
        read.put("acknowledgedWithoutEscalation", input.acknowledgedWithoutEscalation());
        read.put("updates", input.updates());
        read.put("resolutions", input.resolutions());
        read.put("reopenings", input.reopenings());
        read.put("actionsWithoutEscalation", input.actionsWithoutEscalation());
        read.put("resolutionsOfResolved", input.resolutionsOfResolved());
        read.put("unreadable", input.unreadable());
        root.set("live", json(live).put("policiesFrom", liveFrom));
        root.set("candidate", json(candidate));
        return root;
    }

    private static ObjectNode json(Tally t) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("complaints", t.complaints());
        node.put("acknowledged", t.acknowledged());
        node.put("receivedAfterHorizon", t.receivedLater());
        node.put("breached", t.breached());
        node.put("warnings", t.warnings());
        node.put("repeats", t.repeats());
        node.put("points", t.points());
        ObjectNode levels = node.putObject("pointsPerLevel");
        t.pointsPerLevel().forEach((level, n) -> levels.put(level.name(), n));
        ObjectNode queues = node.putObject("pointsPerQueue");
        t.pointsPerQueue().forEach(queues::put);
        ObjectNode policies = node.putObject("complaintsPerPolicy");
        t.policies().forEach(policies::put);
        node.put("receiptToBreachMedian", t.medianToBreach() == null ? null : t.medianToBreach().toString());
        node.put("receiptToBreachP90", t.p90ToBreach() == null ? null : t.p90ToBreach().toString());
        node.put("busiestHour", t.busiestHour() == null ? null : t.busiestHour().toString());
        node.put("busiestHourPoints", t.busiestHourPoints());
        if (t.resolution().complaints() > 0) {
            node.set("resolution", json(t.resolution()));
        }
        return node;
    }

    private static ObjectNode json(ResolutionReplay.Tally r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("complaints", r.complaints());
        node.put("resolvedInTime", r.resolvedInTime());
        node.put("resolvedLate", r.resolvedLate());
        node.put("openPastTarget", r.openPastTarget());
        node.put("openWithinTarget", r.openWithinTarget());
        node.put("resolutions", r.resolutions());
        node.put("reopenings", r.reopenings());
        node.put("warnings", r.warnings());
        node.put("breaches", r.breaches());
        node.put("repeats", r.repeats());
        node.put("points", r.points());
        ObjectNode levels = node.putObject("pointsPerLevel");
        r.pointsPerLevel().forEach((level, n) -> levels.put(level.name(), n));
        node.put("escalationToResolutionMedian", r.medianToResolution() == null ? null : r.medianToResolution().toString());
        node.put("escalationToResolutionP90", r.p90ToResolution() == null ? null : r.p90ToResolution().toString());
        return node;
    }

    private void row(StringBuilder out, String label, Function<Tally, String> value) {
        row(out, label, value.apply(live), value.apply(candidate));
    }

    private static void row(StringBuilder out, String label, String live, String candidate) {
        out.append(String.format(Locale.ROOT, ROW, label, live, candidate).stripTrailing()).append('\n');
    }

    private static List<String> keys(Map<String, Integer> a, Map<String, Integer> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return new ArrayList<>(keys);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * part / whole);
    }

    /** {@code 2d 04h 10m}, {@code 4h 00m}, {@code 7m 30s}: what a person compares at a glance. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long seconds = d.getSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
        }
        return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds % 60);
    }

    private static String hour(Instant hour) {
        // 2026-12-04T14:00Z: the hour is what matters, the seconds are always zero.
        return hour.toString().replace(":00Z", "Z");
    }
}
