package dev.heed.routing.topology;

import dev.heed.events.ComplaintState;
import dev.heed.routing.sla.Level;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over this instance's partitions of the routing stores. Only what this instance holds:
 * finding the instance that holds a key, and asking it, is the HTTP layer's job.
 */
public final class LocalComplaints {

    private final KafkaStreams streams;
    private final Deserializer<ComplaintState> stateReader;
    private final String stateTopic;

    public LocalComplaints(KafkaStreams streams, Deserializer<ComplaintState> stateReader, String stateTopic) {
        this.streams = streams;
        this.stateReader = stateReader;
        this.stateTopic = stateTopic;
    }

    /** The latest state of a complaint whose partition is on this instance, or null. */
    public ComplaintState state(String complaintId) {
        ReadOnlyKeyValueStore<String, byte[]> view = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.STATE_VIEW, QueryableStoreTypes.keyValueStore()));
        byte[] bytes = view.get(complaintId);
        return bytes == null ? null : stateReader.deserialize(stateTopic, bytes);
    }

    /** Open complaints past their breach at {@code now}, most overdue first. */
    public List<OverdueComplaint> overdue(Instant now) {
        List<OverdueComplaint> overdue = new ArrayList<>();
        eachOpen(open -> {
            if (!open.clock().breachAt().isAfter(now)) {
                overdue.add(OverdueComplaint.of(open, now));
            }
        });
        overdue.sort((a, b) -> Long.compare(b.overdueByMillis(), a.overdueByMillis()));
        return overdue;
    }

    /** Open clocks by the level last reminded, and how many are past their breach at {@code now}. */
    public Census census(Instant now) {
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        long[] overdue = {0};
        eachOpen(open -> {
            byLevel.merge(open.clock().level(), 1L, Long::sum);
            if (!open.clock().breachAt().isAfter(now)) {
                overdue[0]++;
            }
        });
        return new Census(byLevel, overdue[0]);
    }

    /** A count of open clocks by level and of overdue ones. */
    public record Census(Map<Level, Long> openByLevel, long overdue) {}

    // A full scan: fine for a listing or a scrape every few seconds, never for the per-record path.
    private void eachOpen(Consumer<OpenComplaint> action) {
        ReadOnlyKeyValueStore<String, OpenComplaint> open = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.OPEN_CLOCKS, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, OpenComplaint> all = open.all()) {
            all.forEachRemaining(entry -> action.accept(entry.value));
        }
    }
}
