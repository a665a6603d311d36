package dev.heed.responder.console;

import dev.heed.responder.console.Dashboard.DeadLetterRow;
import dev.heed.responder.console.Dashboard.GroupRow;
import dev.heed.responder.console.Dashboard.TopicRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples the dashboard with the Kafka Admin client: end offsets of every Heed topic (rates come from the
 * difference between samples), committed offsets of every consumer group that reads them, and the start
 * offsets of the dead-letter topics. Called on a schedule, never per request, so many open pages cost the
 * cluster nothing extra. Not thread-safe: one scheduler thread calls it.
 */
public final class TopicSampler {
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final Admin admin;
    private final List<String> topics;
    private final List<String> deadLetterTopics;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, RateWindow> rates = new HashMap<>();

    public TopicSampler(Admin admin, List<String> topics, List<String> deadLetterTopics, DeadLetters deadLetters,
                        Clock clock, Duration timeout) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.deadLetterTopics = List.copyOf(deadLetterTopics);
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.timeout = timeout;
        topics.forEach(t -> rates.put(t, new RateWindow(RATE_WINDOW)));
    }

    public Dashboard sample() throws Exception {
        Instant now = clock.instant();
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<String, Long> endByTopic = sumByTopic(end);
        List<TopicRow> topicRows = new ArrayList<>();
        for (String topic : topics) {
            long offset = endByTopic.getOrDefault(topic, 0L);
            rates.get(topic).add(now, offset);
            topicRows.add(new TopicRow(topic, offset, rates.get(topic).perSecond()));
        }
        return new Dashboard(now.toEpochMilli(), topicRows, groups(end), deadLetterRows(partitions, endByTopic));
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private List<GroupRow> groups(Map<TopicPartition, Long> end) throws Exception {
        List<String> ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> request = ids.stream()
                .collect(Collectors.toMap(id -> id, id -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(request).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<GroupRow> rows = new ArrayList<>();
        for (String id : ids) {
            Map<String, Long> lagByTopic = new TreeMap<>();
            committed.getOrDefault(id, Map.of()).forEach((partition, offset) -> {
                if (offset != null && end.containsKey(partition)) {
                    lagByTopic.merge(partition.topic(), Math.max(0, end.get(partition) - offset.offset()), Long::sum);
                }
            });
            // Groups that read no Heed topic (other applications on a shared cluster) are not this dashboard's business.
            if (!lagByTopic.isEmpty()) {
                rows.add(new GroupRow(id, lagByTopic.values().stream().mapToLong(Long::longValue).sum(), lagByTopic));
            }
        }
        return rows;
    }

    private List<DeadLetterRow> deadLetterRows(List<TopicPartition> partitions, Map<String, Long> endByTopic) throws Exception {
        List<TopicPartition> dlq = partitions.stream().filter(p -> deadLetterTopics.contains(p.topic())).toList();
        Map<String, Long> startByTopic = sumByTopic(offsets(dlq, OffsetSpec.earliest()));
        return deadLetterTopics.stream().map(topic -> new DeadLetterRow(topic,
                endByTopic.getOrDefault(topic, 0L) - startByTopic.getOrDefault(topic, 0L), deadLetters.latest(topic))).toList();
    }

    private static Map<String, Long> sumByTopic(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(Map.Entry::getValue)));
    }
}
