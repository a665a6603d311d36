package dev.heed.responder.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.heed.schemas.registry.RegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whole topics, every partition from the beginning (or from a point in time), and keeps following them,
 * handing each record to a handler: how the sent log and the complaint directory are rebuilt at start-up and
 * kept current. It has
 * no consumer group (every instance needs everything) and commits nothing. {@link #caughtUp()} completes
 * once everything that was in the topics when it was asked for has been handled.
 */
public final class TopicTailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTailer.class);
    private static final Duration PARTITIONS_WAIT = Duration.ofSeconds(30);
    private static final Duration METADATA_BACKOFF = Duration.ofMillis(100);
    /** How long a partition waits before a record is read again because the schema registry could not be reached. */
    static final Duration REGISTRY_BACKOFF = Duration.ofSeconds(1);

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private final Map<CompletableFuture<Void>, Map<TopicPartition, Long>> targets = new HashMap<>();
    private final Supplier<Instant> startAt;
    private final Thread thread;
    private volatile boolean running = true;

    public TopicTailer(String name, KafkaConsumer<byte[], byte[]> consumer, List<String> topics,
                       Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this(name, consumer, topics, handler, null);
    }

    /**
     * @param startAt where to start when the tailer starts: the first record at or after that time in each
     *                partition (by record timestamp); null for the beginning
     */
    public TopicTailer(String name, KafkaConsumer<byte[], byte[]> consumer, List<String> topics,
                       Consumer<ConsumerRecord<byte[], byte[]>> handler, Supplier<Instant> startAt) {
        this.startAt = startAt;
        this.name = name;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.thread = new Thread(this::run, "tail-" + name);
        this.thread.setDaemon(true);
    }

    public TopicTailer start() {
        thread.start();
        return this;
    }

    /** Completes when every record present at the time of this call has been handled. */
    public CompletableFuture<Void> caughtUp() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        requests.add(request);
        return request;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitionsOf(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            seekToStart(partitions);
            while (running) {
                takeRequests(partitions);
                if (!handleAll(consumer.poll(Duration.ofMillis(200)))) {
                    backOff(); // the registry is away: its records are read again after the pause
                }
                completeReached();
            }
        } catch (WakeupException e) {
            // close() woke us up: a normal stop.
        } catch (RuntimeException e) {
            LOG.error("tailer {} stopped: {}", name, e.toString(), e);
            requests.forEach(r -> r.completeExceptionally(e));
            targets.keySet().forEach(r -> r.completeExceptionally(e));
        } finally {
            consumer.close();
        }
    }

    /**
     * A topic created a moment ago (by this service's own topic ensure, or auto-created by this very request) is
     * reported without partitions until the broker has its leaders; assigning nothing would stop the tailer.
     */
    private List<PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + PARTITIONS_WAIT.toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, PARTITIONS_WAIT);
        while (partitions.isEmpty()) {
            if (!running || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("topic " + topic + " has no partitions after " + PARTITIONS_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(METADATA_BACKOFF.toMillis()); // between metadata requests, not a wait for business time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the partitions of " + topic, e);
            }
            partitions = consumer.partitionsFor(topic, PARTITIONS_WAIT);
        }
        return partitions;
    }

    private void seekToStart(List<TopicPartition> partitions) {
        if (startAt == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        long from = startAt.get().toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from));
        consumer.offsetsForTimes(times).forEach((partition, found) -> {
            if (found == null) {
                consumer.seekToEnd(List.of(partition)); // nothing that recent: only what comes next
            } else {
                consumer.seek(partition, found.offset());
            }
        });
    }

    /**
     * Hands every record to the handler, partition by partition; false if a partition stopped at a record because
     * the schema registry could not be reached (it is sought back to that record, to be read again).
     */
    private boolean handleAll(ConsumerRecords<byte[], byte[]> records) {
        boolean all = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!handle(record)) {
                    consumer.seek(partition, record.offset());
                    all = false;
                    break;
                }
            }
        }
        return all;
    }

    /** False when the record could not be read only because the registry is away: it must not be skipped. */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.accept(record);
            return true;
        } catch (RuntimeException e) {
            if (RegistryException.in(e).filter(RegistryException::retriable).isPresent()) {
                // Skipping would leave the view without it until a restart (a complaint missing from the directory,
                // a reply missing from the sent log, which would then send it again): the fault suite's registry outage.
                LOG.warn("tailer {} cannot read {}-{}@{} while the schema registry is away; reading it again: {}", name,
                        record.topic(), record.partition(), record.offset(), e.toString());
                return false;
            }
            // A record this view cannot read is dead-lettered by whoever consumes the topic for work; here it is skipped.
            LOG.warn("tailer {} skips {}-{}@{}: {}", name, record.topic(), record.partition(), record.offset(), e.toString());
            return true;
        }
    }

    private void backOff() {
        try {
            Thread.sleep(REGISTRY_BACKOFF.toMillis()); // between asks of an absent registry, not a wait for business time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void takeRequests(List<TopicPartition> partitions) {
        CompletableFuture<Void> request;
        while ((request = requests.poll()) != null) {
            targets.put(request, new HashMap<>(consumer.endOffsets(partitions)));
        }
    }

    private void completeReached() {
        targets.entrySet().removeIf(entry -> {
            boolean reached = entry.getValue().entrySet().stream()
                    .allMatch(target -> consumer.position(target.getKey()) >= target.getValue());
            if (reached) {
                entry.getKey().complete(null);
            }
            return reached;
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
