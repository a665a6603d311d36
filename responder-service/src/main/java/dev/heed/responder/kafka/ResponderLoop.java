package dev.heed.responder.kafka;

import dev.heed.responder.respond.Step;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's consumer: reads its input topics in a group, hands each record to the
 * {@link RecordProcessor} in partition order, and commits a partition's offset only past records that are
 * done (sent and recorded, or recorded as failed). A record that must be read again later stops its
 * partition: the position is moved back to it and the partition paused until the next round, so later
 * records of that partition never overtake it. Any other error stops the loop without committing; a
 * restart then skips whatever responses.sent already records.
 */
public final class ResponderLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ResponderLoop.class);

    private final Consumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final RecordProcessor processor;
    private final Runnable beforeAssignedWork;
    private final Duration pollTimeout;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile Throwable failure;

    /**
     * @param beforeAssignedWork runs when partitions are assigned, before their first record: waits until
     *                           the sent log has read responses.sent, so another instance's sends are known
     */
    public ResponderLoop(Consumer<byte[], byte[]> consumer, List<String> topics, RecordProcessor processor,
                         Runnable beforeAssignedWork, Duration pollTimeout) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.processor = processor;
        this.beforeAssignedWork = beforeAssignedWork;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            Set<TopicPartition> paused = new HashSet<>();
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                consumer.resume(paused);
                paused.clear();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    processPartition(partition, records.records(partition), done, paused);
                }
                consumer.pause(paused);
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer: a normal stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
            LOG.error("responder loop stopped without committing its current records", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processPartition(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records,
                                  Map<TopicPartition, OffsetAndMetadata> done, Set<TopicPartition> paused)
            throws InterruptedException {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!running) {
                return;
            }
            if (processor.process(record) == Step.RETRY_LATER) {
                consumer.seek(partition, record.offset());
                paused.add(partition);
                return;
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        // Every record of this poll is done: commit the position, which is past the transaction markers that
        // follow them on topics written with exactly-once (routing's), so an idle responder shows no lag.
        done.put(partition, new OffsetAndMetadata(consumer.position(partition)));
    }

    /** Whether partitions have been assigned and prepared at least once. */
    public boolean ready() {
        return assigned && failure == null;
    }

    /** The error that stopped the loop, or null while it runs or after a normal stop. */
    public Throwable failure() {
        return failure;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            beforeAssignedWork.run();
            assigned = true;
            LOG.info("assigned {}", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets of done records are committed after every round, so nothing is pending here.
            LOG.info("revoked {}", partitions);
        }
    }
}
