package dev.heed.routing.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What routing restores from its changelogs: each store partition's restore is logged when it starts and ends, and
 * counted, so an operator sees why a start is slow and a test can tell a clean restart (local state kept, nothing
 * restored) from one that wiped the local state. Called on Kafka Streams' threads; the counters are thread-safe.
 */
public final class RestoreWatch implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreWatch.class);

    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final Map<TopicPartition, Long> startedAt = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        started.incrementAndGet();
        startedAt.put(partition, System.nanoTime());
        LOG.info("restoring {} from {} (offsets {} to {})", store, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restored.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        Long since = startedAt.remove(partition);
        LOG.info("restored {} records of {} from {} in {} ms", totalRestored, store, partition,
                since == null ? "?" : (System.nanoTime() - since) / 1_000_000);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        startedAt.remove(partition);
        LOG.info("restore of {} from {} suspended after {} records (the task moved)", store, partition, totalRestored);
    }

    /** Records applied to local stores from changelogs since this service started. */
    public long restoredRecords() {
        return restored.get();
    }

    /** Store partitions whose restore started since this service started. */
    public long restoresStarted() {
        return started.get();
    }

    /** Store partitions being restored now. */
    public int restoring() {
        return startedAt.size();
    }
}
