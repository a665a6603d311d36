package dev.heed.responder.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which input records may be worked on now, and how far each partition's offset may be committed. Plain Java,
 * driven by one thread (the consumer's); the work itself runs elsewhere and reports back through
 * {@link #done}, {@link #retryLater} or by being dropped.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Per-key order.</b> A record starts only when no earlier record of its partition with the same key is
 *       still outstanding. Records of different keys may overtake each other, also within a partition.</li>
 *   <li><b>Commits behind completed work.</b> {@link #committable} is the partition's lowest outstanding offset:
 *       every record below it is done, so its outcome is recorded. A record that is started, waiting or dropped
 *       unfinished holds the offset back.</li>
 *   <li><b>A record that must be read again later pauses its partition at that record</b>: nothing after it in
 *       that partition starts until it is done (what had started already finishes), and it is tried again not
 *       before the time given.</li>
 *   <li><b>A bound</b>: at most {@code maxStarted} records are started and not yet done, over all partitions.</li>
 * </ul>
 *
 * @param <P> a partition
 * @param <R> a record
 */
public final class OrderedWork<P, R> {
    private final int maxStarted;
    private final Map<P, Lane<R>> lanes = new LinkedHashMap<>();
    private int started;
    private int outstanding;
    private int turn;

    public OrderedWork(int maxStarted) {
        if (maxStarted < 1) {
            throw new IllegalArgumentException("at least one record must be allowed to start, got " + maxStarted);
        }
        this.maxStarted = maxStarted;
    }

    /** One record as tracked here; identity matters: a late report about a dropped item is ignored. */
    public static final class Item<P, R> {
        private final P partition;
        private final long offset;
        private final Object key;
        private final R record;
        private boolean started;
        private Instant notBefore = Instant.MIN;

        private Item(P partition, long offset, Object key, R record) {
            this.partition = partition;
            this.offset = offset;
            this.key = key;
            this.record = record;
        }

        public P partition() {
            return partition;
        }

        public long offset() {
            return offset;
        }

        public R record() {
            return record;
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }

    /** The records of one partition that are not done, by offset; and where the partition is paused, if it is. */
    private static final class Lane<R> {
        final TreeMap<Long, Item<?, R>> outstanding = new TreeMap<>();
        Long pausedAt;
        boolean stopped;
    }

    /**
     * Adds a record read from {@code partition}, in offset order. A null key orders the record behind every
     * other null-keyed record of its partition.
     */
    public void add(P partition, long offset, Object key, R record) {
        Lane<R> lane = lanes.computeIfAbsent(partition, p -> new Lane<>());
        if (!lane.outstanding.isEmpty() && lane.outstanding.lastKey() >= offset) {
            throw new IllegalArgumentException(partition + "@" + offset + " is not after " + lane.outstanding.lastKey());
        }
        lane.outstanding.put(offset, new Item<>(partition, offset, key == null ? NoKey.INSTANCE : key, record));
        outstanding++;
    }

    /** Marks and returns the records that may start now, oldest first within each partition. */
    @SuppressWarnings("unchecked")
    public List<Item<P, R>> start(Instant now) {
        List<Item<P, R>> starting = new ArrayList<>();
        // Each call begins one partition further on, so that when the bound is reached, no partition is always last.
        List<Lane<R>> order = new ArrayList<>(lanes.values());
        int first = order.isEmpty() ? 0 : Math.floorMod(turn++, order.size());
        for (int n = 0; n < order.size(); n++) {
            Lane<R> lane = order.get((first + n) % order.size());
            if (lane.stopped) {
                continue;
            }
            Set<Object> held = new HashSet<>();
            for (Item<?, R> item : lane.outstanding.values()) {
                if (started == maxStarted) {
                    return starting;
                }
                if (lane.pausedAt != null && item.offset > lane.pausedAt) {
                    break;
                }
                boolean free = held.add(item.key);
                if (item.started || !free || item.notBefore.isAfter(now)) {
                    continue;
                }
                item.started = true;
                started++;
                starting.add((Item<P, R>) item);
            }
        }
        return starting;
    }

    /** The item's work is done: its outcome is recorded. A report about an item no longer tracked is ignored. */
    public void done(Item<P, R> item) {
        Lane<R> lane = lanes.get(item.partition);
        if (lane == null || lane.outstanding.get(item.offset) != item) {
            return;
        }
        lane.outstanding.remove(item.offset);
        outstanding--;
        if (item.started) {
            started--;
        }
        if (Objects.equals(lane.pausedAt, item.offset)) {
            lane.pausedAt = null;
        }
    }

    /** The item must be tried again, not before {@code notBefore}; its partition pauses at it until then. */
    public void retryLater(Item<P, R> item, Instant notBefore) {
        Lane<R> lane = lanes.get(item.partition);
        if (lane == null || lane.outstanding.get(item.offset) != item) {
            return;
        }
        if (item.started) {
            item.started = false;
            started--;
        }
        item.notBefore = notBefore;
        lane.pausedAt = item.offset;
    }

    /** Nothing more of these partitions starts (they are being revoked); what has started may still report back. */
    public void stop(Collection<P> partitions) {
        for (P partition : partitions) {
            Lane<R> lane = lanes.get(partition);
            if (lane != null) {
                lane.stopped = true;
            }
        }
    }

    /** The started, unfinished items of these partitions. */
    public List<Item<P, R>> started(Collection<P> partitions) {
        List<Item<P, R>> items = new ArrayList<>();
        for (P partition : partitions) {
            items.addAll(started(partition));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Item<P, R>> started(P partition) {
        Lane<R> lane = lanes.get(partition);
        if (lane == null) {
            return List.of();
        }
        return lane.outstanding.values().stream().filter(i -> i.started).map(i -> (Item<P, R>) i).toList();
    }

    /** Forgets these partitions and everything outstanding in them; later reports about their items are ignored. */
    public void forget(Collection<P> partitions) {
        for (P partition : partitions) {
            Lane<R> lane = lanes.remove(partition);
            if (lane != null) {
                outstanding -= lane.outstanding.size();
                started -= (int) lane.outstanding.values().stream().filter(i -> i.started).count();
            }
        }
    }

    /**
     * The offset a commit of {@code partition} may name: its lowest outstanding offset (every record below it is
     * done); empty when nothing of it is outstanding, so everything read from it is done.
     */
    public OptionalLong committable(P partition) {
        Lane<R> lane = lanes.get(partition);
        return lane == null || lane.outstanding.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lane.outstanding.firstKey());
    }

    /** Partitions paused at a record that must be read again later. */
    public Set<P> pausedAtARecord() {
        Set<P> paused = new HashSet<>();
        lanes.forEach((partition, lane) -> {
            if (lane.pausedAt != null) {
                paused.add(partition);
            }
        });
        return paused;
    }

    /** Records added and not done, over all partitions. */
    public int outstanding() {
        return outstanding;
    }

    /** Records started and not done. */
    public int started() {
        return started;
    }

    /** The partitions with anything outstanding, or seen since they were last forgotten. */
    public Set<P> partitions() {
        return Set.copyOf(lanes.keySet());
    }

    /** Stands for the absent key: null-keyed records of a partition go one after another. */
    private enum NoKey { INSTANCE }

    /** For tests and logs: outstanding offsets per partition. */
    @Override
    public String toString() {
        Map<P, Object> view = new HashMap<>();
        lanes.forEach((p, lane) -> view.put(p, lane.outstanding.keySet()));
        return "OrderedWork" + view + " started=" + started;
    }
}
