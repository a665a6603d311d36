package dev.heed.faults;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.DueKind;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.schemas.serde.UnreadableRecordException;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every Heed topic from the beginning to its end offsets as they were when the scan began, with
 * {@code isolation.level=read_committed} (so an aborted transaction of routing's is not counted), and turns
 * each record into an {@link Observation}. A record without a value or one that cannot be decoded is counted
 * in {@link Result#unreadable()} and not observed.
 *
 * <p>Contract: one scan opens one consumer (no group, no commits) and closes it; the whole scan is bounded by
 * the given timeout, after which it throws rather than return a partial picture.
 */
public final class TopicScan {
    private final String bootstrapServers;
    private final HeedTopics topics;
    private final Duration timeout;

    public TopicScan(String bootstrapServers, HeedTopics topics, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.timeout = timeout;
    }

    /** What one scan found. */
    public record Result(List<Observation> observations, int unreadable) {}

    public Result scan() {
        Map<String, Function<ConsumerRecord<String, byte[]>, Observation>> decoders = new HashMap<>();
        decoders.put(topics.feedbackReceived().name(), r -> Observation.of(Stage.RECEIVED, r.key(), time(r)));
        decoders.put(topics.feedbackClassified().name(), r -> Observation.of(Stage.CLASSIFIED, r.key(), time(r)));
        decoders.put(topics.complaintsEscalated().name(), r -> escalated(r.key(), value(topics.complaintsEscalated(), r)));
        decoders.put(topics.responseDue().name(), r -> due(r.key(), value(topics.responseDue(), r)));
        decoders.put(topics.complaintsAcknowledged().name(), r -> acknowledged(r.key(), value(topics.complaintsAcknowledged(), r)));
        decoders.put(topics.responsesSent().name(), r -> replied(value(topics.responsesSent(), r)));
        List<Observation> observations = new ArrayList<>();
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> record : readAll(decoders.keySet())) {
            if (record.value() == null) {
                unreadable++; // no Heed service writes a tombstone to these topics
                continue;
            }
            try {
                Observation o = decoders.get(record.topic()).apply(record);
                if (o != null) {
                    observations.add(o);
                }
            } catch (UnreadableRecordException e) {
                unreadable++;
            }
        }
        return new Result(observations, unreadable);
    }

    /**
     * Every record on {@code responses.sent} (read_committed, from the beginning to the end offsets as they were
     * when the scan began), decoded: the outcomes the responder recorded, with their message ids. An unreadable
     * record throws: this view is for a scenario that counts outcomes per message id, where a skipped record
     * would be a hidden miss.
     */
    public List<ResponseSent> responsesSent() {
        List<ResponseSent> sent = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(List.of(topics.responsesSent().name()))) {
            if (record.value() == null) {
                throw new IllegalStateException("a tombstone on " + record.topic() + " at offset " + record.offset());
            }
            sent.add(value(topics.responsesSent(), record));
        }
        return sent;
    }

    private static Instant time(ConsumerRecord<?, ?> record) {
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static <V> V value(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private static Observation escalated(String key, ComplaintEscalated e) {
        return Observation.escalated(key, e.getEscalatedAt(),
                new DueSchedule(e.getWarningsAt(), e.getFirstResponseDueAt(), Duration.ofMillis(e.getRepeatEveryMillis())));
    }

    private static Observation due(String key, ResponseDue d) {
        return Observation.due(key, clock(d.getKind()), d.getDueAt(), d.getEmittedAt());
    }

    static DueClock clock(DueKind kind) {
        return switch (kind) {
            case WARNING, BREACH, REPEAT -> DueClock.FIRST_RESPONSE;
            case PROMISE_WARNING, PROMISE_BROKEN, PROMISE_REPEAT -> DueClock.PROMISE;
            case RESOLUTION_WARNING, RESOLUTION_BREACH, RESOLUTION_REPEAT -> DueClock.RESOLUTION;
            case REOPENED, UNKNOWN -> DueClock.OTHER;
        };
    }

    private static Observation acknowledged(String key, ComplaintAcknowledged a) {
        return Observation.of(Stage.ACKNOWLEDGED, key, a.getAcknowledgedAt());
    }

    /** Only customer replies count as "replied"; agents' notifications are not one per feedback. */
    private static Observation replied(ResponseSent s) {
        return s.getKind() == ResponseKind.CUSTOMER_REPLY ? Observation.of(Stage.REPLIED, s.getFeedbackId(), s.getSentAt()) : null;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(Iterable<String> names) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String name : names) {
                consumer.partitionsFor(name, timeout).forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: an open transaction is waited for.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("scan of " + names + " not done within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
