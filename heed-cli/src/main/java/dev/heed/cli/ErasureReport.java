package dev.heed.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.cli.PersonalDataTopics.Entry;
import dev.heed.cli.PersonalDataTopics.Erasure;
import dev.heed.events.ComplaintState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code heed erase} found in one topic and what happens to it, as one JSON line: how many of the
 * customer's records, at which partitions and offsets, the newest one's time, and when retention removes them
 * ({@code "never"} for compacted topics or infinite retention, which is why those need tombstones).
 */
final class ErasureReport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One record of the customer's: {@code id} the feedback id, {@code key} the whole record key (the id itself, or a
     * store key that holds it, see {@link PersonalDataTopics.KeyLayout}); {@code tombstone} when its value is null;
     * {@code status} the complaint status its value holds, where the topic has one (null otherwise).
     */
    record Hit(String id, String key, int partition, long offset, Instant timestamp, boolean tombstone, String status) {}

    /**
     * The status erase judges a complaint by: its state row's, except that an owned complaint (acknowledged, resolved or
     * reopened) with an update promised to its customer ({@code nextUpdateBy}) counts as open, since routing writes its
     * row again at the promise's next due point and would undo a tombstone.
     */
    static String status(ComplaintState state) {
        return StatusCommand.OWNED.contains(state.getStatus()) && state.getNextUpdateBy() != null ? "UPDATE_PROMISED"
                : state.getStatus().name();
    }

    /** A topic's {@code cleanup.policy}, {@code retention.ms} and {@code segment.ms}, as the broker reports them. */
    record Retention(String cleanupPolicy, long retentionMs, long segmentMs) {
        /** The broker's default {@code log.retention.check.interval.ms}: how often it looks for segments to delete. */
        static final Duration CHECK_INTERVAL = Duration.ofMinutes(5);

        /**
         * When the broker deletes a record written at {@code newest}: once it is older than the retention (the
         * broker checks every {@code log.retention.check.interval.ms}, five minutes by default). Empty when
         * retention never deletes: compaction alone, or {@code retention.ms=-1}.
         */
        Optional<Instant> removes(Instant newest) {
            boolean deletes = Set.of(cleanupPolicy.replace(" ", "").split(",")).contains("delete");
            return deletes && retentionMs >= 0 ? Optional.of(newest.plusMillis(retentionMs)) : Optional.empty();
        }

        /**
         * The latest the broker deletes a record written at {@code newest}: retention deletes whole segments, and the
         * segment holding it takes records for up to {@code segment.ms} more; then one retention check.
         */
        Optional<Instant> removesAtLatest(Instant newest) {
            return removes(newest).map(t -> t.plusMillis(Math.max(0, segmentMs)).plus(CHECK_INTERVAL));
        }
    }

    /**
     * The ids with a key whose newest record in a compacted topic still has a value, each with that value's status.
     * Per key, not per id: a store may hold several keys for one id (a due index moves an entry to its next due time).
     */
    record Latest(Map<String, String> liveStatus) {
        static Latest of(List<Hit> hits) {
            Map<String, Hit> newest = new LinkedHashMap<>();
            // One key always lands on one partition, so its offsets order its records.
            hits.stream().sorted(Comparator.comparingLong(Hit::offset)).forEach(h -> newest.put(h.key(), h));
            Map<String, String> live = new TreeMap<>();
            newest.values().stream().filter(h -> !h.tombstone())
                    .forEach(h -> live.put(h.id(), h.status() == null ? "UNKNOWN" : h.status()));
            return new Latest(live);
        }

        /**
         * Closed complaints (owned, with no update promised): routing writes nothing more for them unless an agent acts,
         * so a tombstone stays the last word.
         */
        Set<String> closed() {
            Set<String> closed = new TreeSet<>();
            liveStatus.forEach((id, status) -> {
                if (StatusCommand.OWNED.stream().anyMatch(owned -> owned.name().equals(status))) {
                    closed.add(id);
                }
            });
            return closed;
        }

        /** Open complaints: routing would write their state again at the next reminder, undoing a tombstone. */
        Set<String> open() {
            Set<String> open = new TreeSet<>(liveStatus.keySet());
            open.removeAll(closed());
            return open;
        }
    }

    private ErasureReport() {}

    static ObjectNode line(Entry entry, List<Hit> hits, Retention retention, String action) {
        ObjectNode line = NODES.objectNode();
        line.put("topic", entry.topic());
        line.put("holds", entry.holds());
        line.put("records", hits.size());
        ObjectNode partitions = line.putObject("partitions");
        Map<Integer, List<Long>> offsets = new TreeMap<>();
        hits.forEach(h -> offsets.computeIfAbsent(h.partition(), p -> new ArrayList<>()).add(h.offset()));
        offsets.forEach((p, list) -> list.stream().sorted().forEach(o -> partitions.withArray(String.valueOf(p)).add(o)));
        Optional<Instant> newest = hits.stream().map(Hit::timestamp).max(Comparator.naturalOrder());
        line.put("newest", newest.map(Instant::toString).orElse(null));
        line.put("cleanupPolicy", retention.cleanupPolicy());
        line.put("retentionMs", retention.retentionMs());
        line.put("segmentMs", retention.segmentMs());
        line.put("removedBy", newest.map(n -> retention.removes(n).map(Instant::toString).orElse("never")).orElse(null));
        line.put("removedByLatest", newest.map(n -> retention.removesAtLatest(n).map(Instant::toString).orElse("never")).orElse(null));
        line.put("erasure", entry.erasure().name());
        line.put("action", action);
        return line;
    }

    /** What erase does (or, in a dry run, would do) about one topic's records. */
    static String action(Entry entry, List<Hit> hits, Retention retention, Latest latest, boolean dryRun) {
        if (hits.isEmpty()) {
            return "nothing held";
        }
        if (entry.erasure() == Erasure.TOMBSTONE) {
            String written = (dryRun ? "would write " : "wrote ") + latest.closed().size() + " tombstone(s) " + latest.closed();
            return latest.open().isEmpty() ? written
                    : written + "; still open, not erased: " + latest.open() + " (acknowledge them, or give the update promised, then erase again)";
        }
        Instant newest = hits.stream().map(Hit::timestamp).max(Comparator.naturalOrder()).orElseThrow();
        if (entry.erasure() == Erasure.ROUTING) {
            // A window store's changelog (compact,delete) is never tombstoned: its segments age out with the store.
            return retention.removes(newest).map(t -> "left to routing; the store's retention removes these by " + t)
                    .orElse(latest.liveStatus().isEmpty() ? "routing has already deleted these entries; compaction removes the records"
                            : "left to routing, which deletes the entries of " + latest.liveStatus().keySet() + " when the complaints are acknowledged");
        }
        return retention.removes(newest).map(t -> "removed by retention between " + t + " and "
                        + retention.removesAtLatest(newest).orElseThrow())
                .orElse("retention never removes these: set retention.ms on the topic, or delete up to the offsets with kafka-delete-records");
    }
}
