package dev.heed.responder.console;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Set<String> changed = new LinkedHashSet<>();
    private boolean manyChanged;
    private long version;

    /** How many ids a {@link Changes} names one by one; past that it says only that many changed. */
    static final int LISTED_CHANGES = 100;

    /**
     * The ids whose life changed since the last {@link #drainChanges}, for the pages that show them; {@code ids}
     * is null when more than {@link #LISTED_CHANGES} changed. {@code version} makes every one distinct.
     */
    public record Changes(long version, List<String> ids) {}

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
        if (!manyChanged && changed.add(id) && changed.size() > LISTED_CHANGES) {
            changed.clear();
            manyChanged = true;
        }
    }

    /** What changed since the last call, and forgets it; empty when nothing did. */
    public synchronized Optional<Changes> drainChanges() {
        if (changed.isEmpty() && !manyChanged) {
            return Optional.empty();
        }
        Changes changes = new Changes(version, manyChanged ? null : List.copyOf(changed));
        changed.clear();
        manyChanged = false;
        return Optional.of(changes);
    }

    /** The id's events in order, if it is still in the index. */
    public synchronized Optional<List<TimelineEntry>> timeline(String id) {
        return Optional.ofNullable(lives.get(id)).map(ComplaintLife::entries);
    }

    /** The id's promises and updates as of {@code now}, if it is still in the index. */
    public synchronized Optional<PromiseHistory.Ledger> promises(String id, java.time.Instant now) {
        return Optional.ofNullable(lives.get(id)).map(life -> life.promises(now));
    }

    public synchronized Optional<ComplaintFacts> facts(String id) {
        return Optional.ofNullable(lives.get(id)).map(ComplaintLife::facts);
    }

    /** The facts of every id in the index, oldest first. */
    public synchronized List<ComplaintFacts> facts() {
        return lives.values().stream().map(ComplaintLife::facts).toList();
    }

    public synchronized int size() {
        return lives.size();
    }
}
