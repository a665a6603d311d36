package dev.heed.routing.bench;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import dev.heed.localstack.Stack;
import dev.heed.routing.app.StreamsProperties;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.deadletter.DeadLetterConfig;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Routing throughput against a bare exactly_once_v2 read→write app, on the same broker and the same
 * {@code feedback.received} records, in one run: each app starts from the beginning and is timed from its
 * first committed output until its output holds every record.
 */
final class ThroughputBench {

    /** Loaded records are keyed {@code bench-<n>}; every third n is a complaint. */
    private static final String KEY_PREFIX = "bench-";
    private static final String BARE_OUT = "bench.bare-out";
    private static final String SAME_OUT = "bench.same-writes-out";
    private static final String SAME_COMPLAINTS = "bench.same-writes-complaints";
    private static final String SAME_STATE = "bench.same-writes-state";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Stack stack;
    private final HeedTopics topics;

    ThroughputBench(Stack stack) {
        this.stack = stack;
        this.topics = BenchKafka.topics(stack);
        stack.createTopic(BARE_OUT, HeedTopics.DEFAULT_PARTITIONS);
        for (String topic : List.of(SAME_OUT, SAME_COMPLAINTS, SAME_STATE)) {
            stack.createTopic(topic, HeedTopics.DEFAULT_PARTITIONS);
        }
        stampOnAppend(BARE_OUT, SAME_OUT, topics.feedbackClassified().name());
        awaitLeaders(topics.feedbackReceived().name());
    }

    /**
     * The counted outputs carry the broker's append time, so each app's rate can also be read off when its
     * records were written rather than when their transactions became visible: a commit interval long
     * against the run (the bare app reads 200,000 records in about a second) makes the visible-time rate
     * a measure of the commit interval instead.
     */
    private void stampOnAppend(String... outputs) {
        var op = new org.apache.kafka.clients.admin.AlterConfigOp(new org.apache.kafka.clients.admin.ConfigEntry(
                "message.timestamp.type", "LogAppendTime"), org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET);
        Map<org.apache.kafka.common.config.ConfigResource, java.util.Collection<org.apache.kafka.clients.admin.AlterConfigOp>> ops =
                new java.util.HashMap<>();
        for (String topic : outputs) {
            ops.put(new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic),
                    List.of(op));
        }
        adminCall(() -> stack.admin().incrementalAlterConfigs(ops).all().get());
    }

    /**
     * Loading right after creation sometimes met NotLeaderOrFollower on every retry and hung (3 of 9 runs):
     * load only once every partition of the input has a leader.
     */
    private void awaitLeaders(String topic) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                var description = stack.admin().describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                // metadata not there yet: ask again until the deadline
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException("partitions of " + topic + " have no leader after 60 s");
    }

    /**
     * Writes {@code n} feedback records, about a third of them complaints, and returns how many the input
     * topic holds: the in-process broker has rejected a few sends as out of sequence (55 of 200,000 in one
     * run), which the producer drops, so both apps are timed on what is really there.
     */
    long load(int n) throws Exception {
        var serializer = topics.feedbackReceived().valueSerde().serializer();
        String topic = topics.feedbackReceived().name();
        try (var producer = BenchKafka.loader(stack)) {
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                String id = KEY_PREFIX + i;
                String text = isComplaint(i) ? "Charged twice and still waiting, terrible." : "Great service, thanks!";
                FeedbackReceived feedback = FeedbackReceived.newBuilder().setEventId(id).setSourceSystem("bench")
                        .setChannel(Channel.WEB).setCustomer(Customer.newBuilder().build()).setText(text)
                        .setRating(isComplaint(i) ? 1 : 5).setOccurredAt(now).setReceivedAt(now).build();
                producer.send(new ProducerRecord<>(topic, id, serializer.serialize(topic, feedback)));
            }
            producer.flush();
        }
        return endOffsetsByTopic().getOrDefault(topic, 0L);
    }

    /** Records per second of the bare app. */
    double bare(long n) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.feedbackReceived().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(BARE_OUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return timed("bare", builder.build(), BARE_OUT, n);
    }

    /**
     * Records per second of an app that moves what routing moves through Kafka and RocksDB and does nothing else:
     * per input one output and one changelogged store write (routing's feedback.classified and dedupe store),
     * and per complaint (every third loaded record, as {@link #load} writes them) two more outputs, one more
     * changelogged store write and one write to an in-memory store without a changelog (complaints.escalated,
     * complaints.state, the open-clock store and its due index, which routing derives from the clocks on start).
     * The bytes are passed through, so no decoding, classifying or encoding: the ratio of routing to this app is
     * how much routing's own code costs beside the Kafka work its design requires. When routing's writes change,
     * this app changes with them, or the ratio compares different work.
     */
    double sameWrites(long n) {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.feedbackReceived().name());
        topology.addProcessor("writes", SameWrites::new, "in");
        topology.addSink("out", SAME_OUT, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "writes");
        topology.addSink("complaints", SAME_COMPLAINTS, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "writes");
        topology.addSink("state", SAME_STATE, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "writes");
        for (String store : SameWrites.LOGGED) {
            topology.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray()), "writes");
        }
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SameWrites.INDEX), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled(), "writes");
        return timed("same writes", topology, SAME_OUT, n);
    }

    private static final class SameWrites implements Processor<String, byte[], String, byte[]> {
        static final List<String> LOGGED = List.of("bench-seen", "bench-clocks");
        static final String INDEX = "bench-index";
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> seen;
        private KeyValueStore<String, byte[]> clocks;
        private KeyValueStore<String, byte[]> index;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            seen = context.getStateStore(LOGGED.get(0));
            clocks = context.getStateStore(LOGGED.get(1));
            index = context.getStateStore(INDEX);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            seen.put(record.key(), record.value());
            context.forward(record, "out");
            if (isComplaint(Long.parseLong(record.key().substring(KEY_PREFIX.length())))) {
                clocks.put(record.key(), record.value());
                index.put(record.key(), record.value());
                context.forward(record, "complaints");
                context.forward(record, "state");
            }
        }
    }

    private static boolean isComplaint(long n) {
        return n % 3 == 0;
    }

    /** Records per second of the routing topology, counted on feedback.classified (one per input). */
    double routing(long n) {
        Topology topology = RoutingTopology.build(topics, FeedbackClassifier.loadDefault(), PolicyBook.defaults(), ClockSettings.defaults());
        return timed("routing", topology, topics.feedbackClassified().name(), n);
    }

    /**
     * Also prints the run's rate and the whole JVM's CPU time per record over the same span (broker included):
     * on a shared machine the CPU time moves much less with other load than the rate does.
     */
    private double timed(String label, Topology topology, String output, long n) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, stack.uniqueName("bench"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        StreamsProperties.processing(props);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stack.tempStateDir().toString());
        // Both apps always get the same settings; the commit interval is the EOS default unless -Dbench.commit.ms.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.getInteger("bench.commit.ms", 100));
        DeadLetterConfig.apply(props, topics.routingDlq().name(), new AtomicLong());
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             var counter = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("count"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            counter.subscribe(List.of(output));
            while (counter.assignment().isEmpty()) {
                counter.poll(Duration.ofMillis(100));
            }
            Map<String, Long> offsetsBefore = endOffsetsByTopic();
            Map<String, Long> bytesBefore = logBytesByTopic();
            long started = System.nanoTime();
            streams.start();
            // The clock starts at the first output, so start-up (rebalance, transactions, RocksDB) is not
            // counted: the ratio compares the steady processing rate, which is what scaling depends on.
            long seen = 0;
            long firstAt = 0;
            long firstBatch = 0;
            long firstCpu = 0;
            long firstThreadCpu = 0;
            long firstAppend = Long.MAX_VALUE;
            long lastAppend = Long.MIN_VALUE;
            long valueBytes = 0;
            while (seen < n) {
                var records = counter.poll(Duration.ofMillis(100));
                int polled = records.count();
                for (var r : records) {
                    valueBytes += r.serializedValueSize();
                    firstAppend = Math.min(firstAppend, r.timestamp());
                    lastAppend = Math.max(lastAppend, r.timestamp());
                }
                if (polled > 0 && firstAt == 0) {
                    firstAt = System.nanoTime();
                    firstCpu = CPU.getProcessCpuTime();
                    firstThreadCpu = streamThreadsCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
                    firstBatch = polled;
                }
                seen += polled;
                if (System.nanoTime() - started > LIMIT.toNanos()) {
                    throw new IllegalStateException("only " + seen + " of " + n + " records within " + LIMIT);
                }
            }
            double rate = (n - firstBatch) / ((System.nanoTime() - firstAt) / 1e9);
            double cpuMicros = (CPU.getProcessCpuTime() - firstCpu) / 1e3 / (n - firstBatch);
            double threadMicros = (streamThreadsCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)) - firstThreadCpu)
                    / 1e3 / (n - firstBatch);
            double appendRate = (n - 1) / Math.max(1e-3, (lastAppend - firstAppend) / 1e3);
            System.out.printf("  %s: %.0f rec/s (by append time %.0f rec/s), %.1f us JVM CPU and %.1f us stream-thread CPU"
                    + " per record%n", label, rate, appendRate, cpuMicros, threadMicros);
            System.out.printf("  %s: %.0f bytes per %s value (serialized, before compression)%n", label,
                    valueBytes / (double) seen, output);
            printWrites(label, offsetsBefore, endOffsetsByTopic(), bytesBefore, logBytesByTopic(), n);
            return rate;
        }
    }

    /**
     * What the broker was given to store per input record, topic by topic (outputs, changelogs, offset commits and
     * transaction state; the counts include each transaction's commit markers), as records and as log bytes (batches
     * as stored: lz4-compressed, headers and markers included): the part of an app's cost that no faster processing
     * code can remove.
     */
    private void printWrites(String label, Map<String, Long> before, Map<String, Long> after, Map<String, Long> bytesBefore,
                             Map<String, Long> bytesAfter, long n) {
        var written = new TreeMap<String, Long>();
        after.forEach((topic, end) -> {
            long delta = end - before.getOrDefault(topic, 0L);
            if (delta > 0 && !topic.equals(topics.feedbackReceived().name())) {
                written.put(topic, delta);
            }
        });
        long total = written.values().stream().mapToLong(Long::longValue).sum();
        long totalBytes = 0;
        var perTopic = new StringBuilder();
        for (var topic : written.entrySet()) {
            long bytes = bytesAfter.getOrDefault(topic.getKey(), 0L) - bytesBefore.getOrDefault(topic.getKey(), 0L);
            totalBytes += bytes;
            perTopic.append(String.format("%n    %s %.2f records, %.0f bytes", topic.getKey(), topic.getValue() / (double) n,
                    bytes / (double) n));
        }
        System.out.printf("  %s: %.2f records and %.0f log bytes written per input record:%s%n", label, total / (double) n,
                totalBytes / (double) n, perTopic);
    }

    /** Bytes in the broker's logs per topic, all partitions summed. */
    private Map<String, Long> logBytesByTopic() {
        return adminCall(() -> {
            var admin = stack.admin();
            var brokers = admin.describeCluster().nodes().get().stream().map(org.apache.kafka.common.Node::id).toList();
            var sizes = new HashMap<String, Long>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((tp, replica) -> sizes.merge(tp.topic(), replica.size(), Long::sum))));
            return sizes;
        });
    }

    private Map<String, Long> endOffsetsByTopic() {
        return adminCall(() -> {
            var admin = stack.admin();
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            var partitions = new HashMap<TopicPartition, OffsetSpec>();
            admin.describeTopics(names).allTopicNames().get().forEach((topic, description) -> description.partitions().forEach(p ->
                    partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            var ends = new HashMap<String, Long>();
            admin.listOffsets(partitions).all().get().forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
            return ends;
        });
    }

    /** An admin call whose failure ends the benchmark: there is nothing to measure without its answer. */
    private static <T> T adminCall(AdminCall<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface AdminCall<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    /** CPU nanoseconds used so far by the stream threads of one app: its own work, without the broker's or the JIT's. */
    private static long streamThreadsCpu(String applicationId) {
        long total = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(applicationId) && info.getThreadName().contains("-StreamThread-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
