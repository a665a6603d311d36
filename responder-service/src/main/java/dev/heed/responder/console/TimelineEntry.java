package dev.heed.responder.console;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event in a complaint's life as the page shows it: when, which stage, where it was read from, and the
 * stage's own details (plain values, ready for JSON).
 */
public record TimelineEntry(Instant at, Stage stage, String topic, int partition, long offset, Map<String, Object> details) {

    /** The stages in the order a complaint lives them; the order breaks ties between events of the same instant. */
    public enum Stage { RECEIVED, CLASSIFIED, ESCALATED, REMINDER, ACKNOWLEDGED, UPDATED, CUSTOMER_REPLY, REPLY_SENT, VERDICT }

    /** Time first, then the natural order of stages, then where it was read (topic, offset) so the order is total. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::stage)
            .thenComparing(TimelineEntry::topic)
            .thenComparingInt(TimelineEntry::partition)
            .thenComparingLong(TimelineEntry::offset);

    public TimelineEntry {
        // Not Map.copyOf: the page shows details in the order they were put, and absent values are left out.
        Map<String, Object> kept = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        details = Collections.unmodifiableMap(kept);
    }

    /** The same event read twice (the feed re-read a topic) has the same place. */
    boolean samePlace(TimelineEntry other) {
        return topic.equals(other.topic) && partition == other.partition && offset == other.offset;
    }
}
