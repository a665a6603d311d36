package dev.heed.routing.bench;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.events.Severity;
import dev.heed.localstack.EmbeddedKafka;
import dev.heed.routing.app.StreamsProperties;
import dev.heed.routing.classify.FeedbackClassifier;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.classify.bench.BenchTexts;
import dev.heed.routing.deadletter.DeadLetterConfig;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.SlaClock;
import dev.heed.routing.sla.SlaPolicy;
import dev.heed.routing.topology.ClockSettings;
import dev.heed.routing.topology.RoutingTopology;
import dev.heed.routing.topology.event.ComplaintEvents;
import dev.heed.routing.topology.store.ClockStore;
import dev.heed.routing.topology.store.OpenComplaint;
import dev.heed.routing.topology.store.OpenComplaintSerde;
import dev.heed.routing.topology.store.StoreNames;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The inputs of docs/capacity.md that no other benchmark measures, on the real code: the serialized size of every
 * event routing writes (the real topology in a {@link TopologyTestDriver} with the real classifier), the bytes on disk
 * per entry of each RocksDB store (Kafka Streams' own RocksDB settings, which do not compress), the due index's heap
 * per open clock, the process's resident memory, and the time to restore {@code clocks} open clocks from their
 * changelog on an in-process broker against a plain consumer reading the same topic. Not a test: run by the bench
 * profile, {@code -Djmh.main=dev.heed.routing.bench.StateSizeBench -Djmh.args="[clocks 1000000] [sample 3000]"}.
 */
public final class StateSizeBench {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Random RANDOM = new Random(19);

    private StateSizeBench() {
    }

    public static void main(String[] args) throws Exception {
        int clocks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        System.out.printf("capacity inputs: %d open clocks, %d feedback per event-size sample, %d cores, max heap %d MiB%n",
                clocks, sample, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (args.length > 2 && args[2].equals("restore")) {
            restore(clocks); // only the restore: -Djmh.args="1000000 0 restore"
            System.exit(0);
        }
        // The stores first, so the resident memory they add is not hidden by the heap the event samples grew.
        stores(clocks);
        eventSizes(sample, 140);
        eventSizes(sample, 1000);
        restore(clocks);
        System.exit(0);
    }

    /** Mean serialized value (registry framing included) per topic, through the real topology and classifier. */
    private static void eventSizes(int sample, int textLength) throws IOException {
        HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, HeedTopics.DEFAULT_PARTITIONS);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "capacity-sizes");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("capacity-sizes").toString());
        StreamsProperties.processing(props);
        DeadLetterConfig.apply(props, topics.routingDlq().name(), new AtomicLong());
        Serializer<FeedbackReceived> feedbackBytes = topics.feedbackReceived().valueSerde().serializer();
        String[] texts = BenchTexts.generate(sample, textLength, 19);
        long inputBytes = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(RoutingTopology.build(topics, FeedbackClassifier.loadDefault(),
                PolicyBook.defaults(), ClockSettings.defaults()), props, T0)) {
            TestInputTopic<String, FeedbackReceived> in = driver.createInputTopic(topics.feedbackReceived().name(),
                    new StringSerializer(), topics.feedbackReceived().valueSerde().serializer());
            for (int i = 0; i < sample; i++) {
                FeedbackReceived feedback = feedback(texts[i], i);
                inputBytes += feedbackBytes.serialize(topics.feedbackReceived().name(), feedback).length;
                in.pipeInput(feedback.getEventId(), feedback, T0);
            }
            System.out.printf("event sizes, %d feedback of about %d characters (BenchTexts, the classifier benchmark's fragments):%n",
                    sample, textLength);
            System.out.printf("  %-26s %8d records  %7.1f per input  mean value %6.0f bytes%n", topics.feedbackReceived().name(),
                    sample, 1.0, (double) inputBytes / sample);
            report(driver, topics.feedbackClassified().name(), sample);
            report(driver, topics.complaintsEscalated().name(), sample);
            report(driver, topics.complaintsState().name(), sample);
            // A day later every clock has passed its warnings and breach: one punctuation emits what is due.
            driver.advanceWallClockTime(Duration.ofHours(25));
            report(driver, topics.responseDue().name(), sample);
            report(driver, topics.complaintsState().name(), sample);
        }
        ResponseSent reply = ResponseSent.newBuilder().setMessageId("msg_" + UUID.randomUUID()).setFeedbackId(uuid())
                .setKind(ResponseKind.CUSTOMER_REPLY).setTrigger(topics.feedbackClassified().name() + ":17:123456789")
                .setChannel(DeliveryChannel.EMAIL).setRecipient("firstname.lastname@example.com").setTemplate("complaint-ack")
                .setOutcome(DeliveryOutcome.SENT).setAttempts(1).setSentAt(T0).setTraceId(traceId()).build();
        System.out.printf("  %-26s one customer reply as the responder's Dispatcher fills it: %d bytes%n",
                topics.responsesSent().name(), topics.responsesSent().valueSerde().serializer().serialize(topics.responsesSent().name(), reply).length);
    }

    private static void report(TopologyTestDriver driver, String topic, int inputs) {
        List<byte[]> values = driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readValuesToList();
        long bytes = values.stream().mapToLong(v -> v.length).sum();
        System.out.printf("  %-26s %8d records  %7.3f per input  mean value %6.0f bytes%n", topic, values.size(),
                (double) values.size() / inputs, values.isEmpty() ? 0.0 : (double) bytes / values.size());
    }

    // Shaped as ingest writes it: ids as UUIDs, an e-mail address, a rating, a W3C trace id.
    private static FeedbackReceived feedback(String text, int i) {
        return FeedbackReceived.newBuilder().setEventId(uuid()).setIngestId(uuid()).setSourceSystem("web-form")
                .setChannel(Channel.EMAIL)
                .setCustomer(Customer.newBuilder().setId("cust-" + (10_000_000 + i)).setEmail("firstname.lastname" + i + "@example.com").build())
                .setText(text).setRating(1 + RANDOM.nextInt(5)).setOccurredAt(T0).setReceivedAt(T0).setTraceId(traceId()).build();
    }

    /**
     * Bytes on disk per entry of each persistent store, loaded with {@code n} entries shaped as production writes
     * them, and the due index's heap. RocksDB as Kafka Streams opens it (no compression, 16 MiB write buffers),
     * flushed so every entry is in an SST file.
     */
    private static void stores(int n) throws IOException {
        HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, HeedTopics.DEFAULT_PARTITIONS);
        SlaPolicy high = PolicyBook.defaults().choose(SeverityLabel.HIGH, null, null);
        Path dir = Files.createTempDirectory("capacity-stores");
        var context = new MockProcessorContext<String, SpecificRecord>(new Properties(), new TaskId(0, 0), dir.toFile());
        long heapStart = usedHeap();
        long rssStart = rssKiB();
        long committedStart = Runtime.getRuntime().totalMemory();

        KeyValueStore<String, OpenComplaint> clocks = init(context, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.OPEN_CLOCKS), Serdes.String(), OpenComplaintSerde.serde())
                .withLoggingDisabled().build());
        KeyValueStore<Bytes, byte[]> loadIndex = init(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("load-index"),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build());
        ClockStore loader = new ClockStore(clocks, loadIndex);
        Serializer<OpenComplaint> clockBytes = OpenComplaintSerde.serde().serializer();
        long serialized = 0;
        long keyBytes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Instant receivedAt = T0.plusMillis(i / 10);
            OpenComplaint open = new OpenComplaint(SlaClock.start(uuid(), high, receivedAt), receivedAt.plusMillis(40),
                    Severity.HIGH, "billing", traceId());
            serialized += clockBytes.serialize("", open).length;
            keyBytes += open.id().length();
            loader.start(open);
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        loadIndex.close();
        System.out.printf("%s: %d clocks, value %.1f bytes + key %.1f bytes serialized; written in %.1f s (%.0f clocks/s with"
                        + " their due-index puts)%n", StoreNames.OPEN_CLOCKS, n, (double) serialized / n, (double) keyBytes / n,
                loadSeconds, n / loadSeconds);

        long heapBefore = usedHeap();
        KeyValueStore<Bytes, byte[]> index = init(context, Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.DUE_INDEX),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build());
        started = System.nanoTime();
        long rebuilt = new ClockStore(clocks, index).rebuildIndex();
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        long indexHeap = usedHeap() - heapBefore;
        System.out.printf("%s: rebuilt from %d clocks in %.2f s (%.0f clocks/s); heap %.1f MiB = %.0f bytes per clock%n",
                StoreNames.DUE_INDEX, rebuilt, rebuildSeconds, rebuilt / rebuildSeconds, indexHeap / 1048576.0, (double) indexHeap / n);

        WindowStore<String, Long> dedupe = init(context, Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.DEDUPE,
                ClockSettings.DEFAULT_RETENTION, Duration.ofMillis(1), false), Serdes.String(), Serdes.Long()).withLoggingDisabled().build());
        started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long at = T0.toEpochMilli() + i / 10;
            dedupe.put(uuid(), at, at);
        }
        double dedupeSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d event ids (36-character UUIDs, 10 per ms) written in %.1f s%n", StoreNames.DEDUPE, n, dedupeSeconds);

        KeyValueStore<String, byte[]> view = init(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.STATE_VIEW),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build());
        Serializer<dev.heed.events.ComplaintState> stateBytes = topics.complaintsState().valueSerde().serializer();
        long rowBytes = 0;
        try (var all = clocks.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                byte[] row = stateBytes.serialize(topics.complaintsState().name(), ComplaintEvents.openState(entry.value, entry.value.escalatedAt()));
                rowBytes += row.length;
                view.put(entry.key, row);
            }
        }
        System.out.printf("%s: %d open rows of %.1f bytes (registry framing included)%n", StoreNames.STATE_VIEW, n, (double) rowBytes / n);
        long heapEnd = usedHeap();
        long rssEnd = rssKiB();
        System.out.printf("process: resident %d -> %d MiB, heap committed %d -> %d MiB, heap in use %d -> %d MiB after a GC;"
                        + " resident outside the committed heap %d -> %d MiB (RocksDB's memtables and block caches, native code, JIT)%n",
                rssStart >> 10, rssEnd >> 10, committedStart >> 20, Runtime.getRuntime().totalMemory() >> 20, heapStart >> 20,
                heapEnd >> 20, (rssStart << 10) - committedStart >> 20, (rssEnd << 10) - Runtime.getRuntime().totalMemory() >> 20);
        index.close();
        view.close();
        dedupe.close();
        clocks.close();
        // Measured after closing: Streams writes the memtables out on close (flush() is a no-op since Kafka 4), and a
        // store's files on disk are what a restart, a standby or a restore lands on.
        for (String store : List.of(StoreNames.OPEN_CLOCKS, StoreNames.DEDUPE, StoreNames.STATE_VIEW)) {
            long bytes = size(dir, store);
            System.out.printf("%s on disk after close: %.1f MiB = %.1f bytes per entry%n", store, bytes / 1048576.0, (double) bytes / n);
        }
    }

    /**
     * Time to restore {@code n} open clocks into an empty state directory from their changelog (one partition, one
     * task, exactly_once_v2 as routing runs), against a plain read_committed consumer reading the same topic.
     */
    private static void restore(int n) throws Exception {
        String app = "capacity-restore";
        String changelog = app + "-" + StoreNames.OPEN_CLOCKS + "-changelog";
        String input = "capacity-restore-in";
        SlaPolicy high = PolicyBook.defaults().choose(SeverityLabel.HIGH, null, null);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(changelog, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(input, 1, (short) 1))).all().get();
            Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            Serializer<OpenComplaint> clockBytes = OpenComplaintSerde.serde().serializer();
            long started = System.nanoTime();
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < n; i++) {
                    Instant receivedAt = T0.plusMillis(i / 10);
                    OpenComplaint open = new OpenComplaint(SlaClock.start(uuid(), high, receivedAt), receivedAt.plusMillis(40),
                            Severity.HIGH, "billing", traceId());
                    producer.send(new ProducerRecord<>(changelog, open.id(), clockBytes.serialize(changelog, open)));
                }
                producer.flush();
            }
            double produceSeconds = (System.nanoTime() - started) / 1e9;
            long logBytes = admin.describeLogDirs(admin.describeCluster().nodes().get().stream().map(node -> node.id()).toList()).allDescriptions().get().values().stream()
                    .flatMap(dirs -> dirs.values().stream()).flatMap(d -> d.replicaInfos().entrySet().stream())
                    .filter(e -> e.getKey().topic().equals(changelog)).mapToLong(e -> e.getValue().size()).sum();
            System.out.printf("changelog %s: %d clocks written in %.1f s (%.0f/s); log %.1f MiB = %.1f bytes per clock (lz4 batches)%n",
                    changelog, n, produceSeconds, n / produceSeconds, logBytes / 1048576.0, (double) logBytes / n);

            double consumerSeconds = plainRead(kafka.bootstrapServers(), changelog, n);
            System.out.printf("plain read_committed consumer: %d records in %.2f s (%.0f/s)%n", n, consumerSeconds, n / consumerSeconds);

            double seconds = timeRestore(kafka.bootstrapServers(), app, input, n);
            System.out.printf("restore of %s into an empty state directory: %d clocks in %.2f s (%.0f/s); ratio to the plain"
                    + " consumer %.2f%n", StoreNames.OPEN_CLOCKS, n, seconds, n / seconds, seconds / consumerSeconds);
        }
    }

    private static double timeRestore(String bootstrap, String app, String input, int n) throws Exception {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), input);
        topology.addProcessor("clocks", () -> new Processor<String, String, Void, Void>() {
            @Override
            public void process(Record<String, String> record) {
            }
        }, "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OPEN_CLOCKS),
                Serdes.String(), OpenComplaintSerde.serde()), "clocks");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("capacity-restore").toString());
        StreamsProperties.processing(props);
        RestoreTimer timer = new RestoreTimer();
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.setGlobalStateRestoreListener(timer);
            streams.start();
            if (!timer.done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("restore did not end within 10 minutes: " + timer.restored.get() + " restored");
            }
            if (timer.restored.get() != n) {
                throw new IllegalStateException("restored " + timer.restored.get() + " of " + n + " clocks");
            }
            double seconds = (timer.endNanos - timer.startNanos) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    private static double plainRead(String bootstrap, String topic, int n) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long started = System.nanoTime();
            long read = 0;
            while (consumer.position(partition) < end) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            if (read < n) {
                throw new IllegalStateException("read " + read + " of " + n);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static final class RestoreTimer implements StateRestoreListener {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicLong restored = new AtomicLong();
        volatile long startNanos;
        volatile long endNanos;

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
            startNanos = System.nanoTime();
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
            restored.addAndGet(numRestored);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
            endNanos = System.nanoTime();
            done.countDown();
        }
    }

    private static String uuid() {
        return new UUID(RANDOM.nextLong(), RANDOM.nextLong()).toString();
    }

    private static String traceId() {
        return String.format("%016x%016x", RANDOM.nextLong(), RANDOM.nextLong());
    }

    @SuppressWarnings("unchecked")
    private static <S extends StateStore> S init(MockProcessorContext<?, ?> context, S store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long rssKiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Bytes of the files under {@code dir} that belong to {@code store} (its own directory or its segments'). */
    private static long size(Path dir, String store) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> dir.relativize(f).toString().contains(store)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
