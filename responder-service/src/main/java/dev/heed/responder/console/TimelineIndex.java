package dev.heed.responder.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every feedback id's life across the Heed topics, bounded: at most {@code maxComplaints} ids (the id seen
 * first is forgotten first) and at most {@code maxEntries} events per id (its oldest dropped first). The bound
 * keeps a console that reads every topic from the beginning inside a fixed heap, whatever the retention; the
 * price is that a very old complaint's page may be gone. Thread-safe; readers get copies.
 */
public final class TimelineIndex {
    private final int maxComplaints;
    private final int maxEntries;
    private final LinkedHashMap<String, ComplaintLife> lives;
    private long version;

    public TimelineIndex(int maxComplaints, int maxEntries) {
        if (maxComplaints < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("the timeline index needs room for at least one complaint and one event");
        }
        this.maxComplaints = maxComplaints;
        this.maxEntries = maxEntries;
        this.lives = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ComplaintLife> eldest) {
                return size() > TimelineIndex.this.maxComplaints;
            }
        };
    }

    /** Applies a change to one id's life, creating it when new. */
    public synchronized void update(String id, Consumer<ComplaintLife> change) {
        change.accept(lives.computeIfAbsent(id, key -> new ComplaintLife(key, maxEntries)));
        version++;
    }

    /** The id's events in order, if it is still in the index. */
    public synchronized Optional<List<TimelineEntry>> timeline(String id) {
        return Optional.ofNullable(lives.get(id)).map(ComplaintLife::entries);
    }

    public synchronized Optional<ComplaintFacts> facts(String id) {
        return Optional.ofNullable(lives.get(id)).map(ComplaintLife::facts);
    }

    /** The facts of every id in the index, oldest first. */
    public synchronized List<ComplaintFacts> facts() {
        return lives.values().stream().map(ComplaintLife::facts).toList();
    }

    /** Grows with every update: how the console notices a change without comparing contents. */
    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return lives.size();
    }
}
