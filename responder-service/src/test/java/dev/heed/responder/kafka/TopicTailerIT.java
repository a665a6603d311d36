package dev.heed.responder.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tailer on a real broker: from the beginning, or from a point in time by record timestamp. */
@ExtendWith(LocalStackExtension.class)
class TopicTailerIT {
    private static final Instant NOW = Instant.now();

    private KafkaClients clients;
    private String topic;

    @BeforeEach
    void setUp(Stack stack) throws Exception {
        clients = new KafkaClients(Map.of("bootstrap.servers", stack.bootstrapServers()));
        topic = stack.uniqueName("tailed");
        stack.createTopic(topic, 2);
        // Partition 0 has an old and a recent record; partition 1 only an old one.
        write(0, NOW.minus(Duration.ofDays(10)), "old-0");
        write(0, NOW.minus(Duration.ofDays(1)), "recent-0");
        write(1, NOW.minus(Duration.ofDays(10)), "old-1");
    }

    @Test
    void fromAPointInTimeItSkipsWhatIsOlderAndStillFollowsWhatComesNext() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicTailer tailer = tailer(seen, NOW.minus(Duration.ofDays(7)))) {
            tailer.caughtUp().get(30, TimeUnit.SECONDS);
            assertThat(seen).containsExactly("recent-0");

            // Partition 1 had nothing that recent: the tailer waits at its end and reads what comes next.
            write(1, NOW, "next-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("next-1"));
            assertThat(seen).containsExactly("recent-0", "next-1");
        }
    }

    @Test
    void withoutAPointInTimeItReadsEverything() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicTailer tailer = tailer(seen, null)) {
            tailer.caughtUp().get(30, TimeUnit.SECONDS);
            assertThat(seen).containsExactlyInAnyOrder("old-0", "recent-0", "old-1");
        }
    }

    /** Its own responder creates responses.sent just before tailing it: a topic without leaders yet has no partitions. */
    @Test
    void aTopicThatAppearsOnlyAfterTheTailerStartedIsStillRead(Stack stack) throws Exception {
        topic = stack.uniqueName("tailed-late");
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicTailer tailer = tailer(seen, null)) {
            write(0, NOW, "first");
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("first"));
            tailer.caughtUp().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A record its view cannot read only because the registry is away is read again, not skipped: skipped, a
     * complaint would miss from the directory, or a reply from the sent log (and be sent twice), until a restart.
     */
    @Test
    void aRecordUnreadableWhileTheRegistryIsAwayIsReadAgainNotSkipped() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(2);
        try (TopicTailer tailer = new TopicTailer("it", clients.tailConsumer("tailer-it"), List.of(topic), record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("recent-0") && refusals.getAndDecrement() > 0) {
                throw new SerializationException("cannot fetch schema id 3",
                        new RegistryException("schema registry unreachable", true, null));
            }
            seen.add(value);
        }).start()) {
            tailer.caughtUp().get(30, TimeUnit.SECONDS);
            assertThat(seen).containsExactlyInAnyOrder("old-0", "recent-0", "old-1");
            assertThat(seen.indexOf("old-0")).isLessThan(seen.indexOf("recent-0")); // in order within its partition
            assertThat(refusals.get()).isNegative();
        }
    }

    /** A record that can never be read (not a registry outage) is skipped, so the view goes on. */
    @Test
    void aRecordThatCanNeverBeReadIsSkipped() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicTailer tailer = new TopicTailer("it", clients.tailConsumer("tailer-it"), List.of(topic), record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals("recent-0")) {
                throw new SerializationException("not avro");
            }
            seen.add(value);
        }).start()) {
            tailer.caughtUp().get(30, TimeUnit.SECONDS);
            assertThat(seen).containsExactlyInAnyOrder("old-0", "old-1");
        }
    }

    private TopicTailer tailer(List<String> seen, Instant from) {
        return new TopicTailer("it", clients.tailConsumer("tailer-it"), List.of(topic),
                record -> seen.add(new String(record.value(), StandardCharsets.UTF_8)), from == null ? null : () -> from).start();
    }

    private void write(int partition, Instant at, String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = clients.producer("tailer-it-producer")) {
            producer.send(new ProducerRecord<>(topic, partition, at.toEpochMilli(), null, value.getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
