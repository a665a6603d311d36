package dev.heed.routing.app;

import dev.heed.routing.topology.StopInputWatermarks;
import dev.heed.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StopInputWatermarks} of a running routing service: an admin client asks the brokers, every
 * {@code interval}, for the {@code read_committed} end offsets of every partition of the stop inputs and then for
 * routing's committed offsets of them (its consumer group is its application id) and their logs' start offsets, and
 * keeps the samples of the last {@code keep}. One daemon thread; a look that fails or times out (a broker down, the cluster electing) adds no sample,
 * so the samples go stale and the punctuator falls back to stream time until the brokers answer again.
 *
 * <p>The sample's time is this machine's wall clock, the clock Kafka Streams punctuates on. Needs no ACL beyond
 * routing's own: reading a topic and a group allows describing them.
 */
public final class AdminStopWatermarks implements StopInputWatermarks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminStopWatermarks.class);
    /** How often the partition counts are asked for again (partitions may be added to a topic). */
    private static final long DESCRIBE_EVERY = 30_000;

    private final Admin admin;
    private final List<String> topics;
    private final String group;
    private final long keep;
    private final Duration timeout;
    private final LongSupplier wallClock;
    private final ScheduledExecutorService timer;
    private volatile List<Sample> samples = List.of();
    private Map<String, Integer> partitions = Map.of();
    private long describedAt = Long.MIN_VALUE;
    private boolean failing;

    AdminStopWatermarks(Admin admin, List<String> topics, String group, Duration interval, Duration keep,
            LongSupplier wallClock) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.group = group;
        this.keep = keep.toMillis();
        this.timeout = Duration.ofMillis(Math.max(1_000, interval.toMillis() * 4));
        this.wallClock = wallClock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heed-routing-stop-watermarks");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sampleSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts sampling {@code topics} (in {@code RoutingTopology.stopInputs} order) for consumer group {@code group} every
     * {@code interval}, keeping the samples of the last {@code keep}.
     */
    public static AdminStopWatermarks start(KafkaSettings kafka, List<String> topics, String group, Duration interval,
            Duration keep) {
        var props = new HashMap<String, Object>(kafka.clientProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-stop-watermarks");
        return new AdminStopWatermarks(Admin.create(props), topics, group, interval, keep, System::currentTimeMillis);
    }

    @Override
    public List<Sample> samples() {
        return samples;
    }

    private void sampleSafely() {
        try {
            sample();
            if (failing) {
                failing = false;
                LOG.info("the brokers answer again: due points held back by acknowledgements read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                LOG.warn("could not read the end offsets of {} ({}); due points are held back by stream time until it can",
                        topics, e.toString());
            }
        }
    }

    /** Takes one sample; package-private so that tests can take one without waiting for the timer. */
    synchronized void sample() throws Exception {
        long now = wallClock.getAsLong();
        if (now - describedAt >= DESCRIBE_EVERY || partitions.size() < topics.size()) {
            Map<String, Integer> counts = new HashMap<>();
            for (Map.Entry<String, TopicDescription> topic : admin.describeTopics(topics,
                    new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
                counts.put(topic.getKey(), topic.getValue().partitions().size());
            }
            partitions = counts;
            describedAt = now;
        }
        long takenAt = wallClock.getAsLong();
        var ends = offsets(OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group,
                new ListConsumerGroupOffsetsOptions().timeoutMs((int) timeout.toMillis()))
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        var starts = offsets(OffsetSpec.earliest());
        long[][] endOffsets = new long[topics.size()][];
        long[][] readOffsets = new long[topics.size()][];
        for (int input = 0; input < topics.size(); input++) {
            String topic = topics.get(input);
            int count = partitions.getOrDefault(topic, 0);
            endOffsets[input] = new long[count];
            readOffsets[input] = new long[count];
            for (int p = 0; p < count; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                endOffsets[input][p] = ends.get(partition).offset();
                OffsetAndMetadata offset = committed.get(partition);
                readOffsets[input][p] = Math.max(offset == null ? -1 : offset.offset(), starts.get(partition).offset());
            }
        }
        add(new Sample(takenAt, endOffsets, readOffsets));
    }

    /** The offsets {@code spec} names of every partition of the stop inputs, as a {@code read_committed} consumer sees them. */
    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                request.put(new TopicPartition(topic, p), spec);
            }
        });
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)
                .timeoutMs((int) timeout.toMillis())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void add(Sample sample) {
        List<Sample> next = new ArrayList<>(samples.size() + 1);
        for (Sample kept : samples) {
            if (kept.takenAt() >= sample.takenAt() - keep) {
                next.add(kept);
            }
        }
        next.add(sample);
        samples = List.copyOf(next);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
