package dev.heed.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the load generator was told by ingest, per feedback id: answered 202 (accepted: the promise that it is
 * in Kafka), answered 503 (refused: maybe written, maybe not), or no answer at all (a timeout or a dropped
 * connection: unknown). An id retried after a 503 may end up in several sets. Thread-safe.
 */
public final class Ledger {
    private final Set<String> posted = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Instant> acknowledgementAnswered = new java.util.concurrent.ConcurrentHashMap<>();

    /** A 202: which partition ingest wrote to, and when the answer came. */
    private record Answer(int partition, Instant at) {}

    public void posted(String id) {
        posted.add(id);
    }

    public void accepted(String id) {
        posted.add(id);
        accepted.add(id);
    }

    /** A 202 naming the partition it was written to, answered at {@code at}. */
    public void accepted(String id, int partition, Instant at) {
        accepted(id);
        answers.add(new Answer(partition, at));
    }

    /**
     * The longest time one partition went without a 202 between two of its 202s: how long writes to the
     * partitions of a killed leader stalled, as a client saw it. Zero with fewer than two answers.
     */
    public Duration longestStall() {
        Map<Integer, List<Instant>> byPartition = new TreeMap<>();
        answers.forEach(a -> byPartition.computeIfAbsent(a.partition(), p -> new ArrayList<>()).add(a.at()));
        Duration longest = Duration.ZERO;
        for (List<Instant> times : byPartition.values()) {
            times.sort(null);
            for (int i = 1; i < times.size(); i++) {
                Duration gap = Duration.between(times.get(i - 1), times.get(i));
                if (gap.compareTo(longest) > 0) {
                    longest = gap;
                }
            }
        }
        return longest;
    }

    public void refused(String id) {
        posted.add(id);
        refused.add(id);
    }

    public void unanswered(String id) {
        posted.add(id);
        unanswered.add(id);
    }

    /**
     * An agent's acknowledgement of complaint {@code id} was answered 200 or 201 at {@code at}: by then it was in
     * Kafka (the responder answers after the write), whatever time the event itself carries.
     */
    public void acknowledgementAnswered(String id, Instant at) {
        acknowledgementAnswered.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    public Map<String, Instant> acknowledgementsAnswered() {
        return Map.copyOf(acknowledgementAnswered);
    }

    public Set<String> posted() {
        return Set.copyOf(posted);
    }

    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public Set<String> refused() {
        return Set.copyOf(refused);
    }

    public Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }
}
