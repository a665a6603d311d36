package dev.heed.cli;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.EscalationLevel;
import dev.heed.schemas.topics.Topic;
import dev.heed.schemas.topics.TopicNames;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code heed status}: every topic with its end offset (dead-letter topics with how many records they
 * hold), every consumer group's lag, and the open complaints by escalation level read from the compacted
 * {@code complaints.state} topic (open: nobody acknowledged or resolved them yet).
 */
final class StatusCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Statuses of a complaint a person owns (its first-response clock stopped): not open. */
    static final Set<ComplaintStatus> OWNED = Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.RESOLVED, ComplaintStatus.REOPENED,
            ComplaintStatus.WAITING_ON_CUSTOMER, ComplaintStatus.WAITING_ON_THIRD_PARTY);

    int run(CliArgs args, Clients clients, PrintStream out) throws Exception {
        Set<String> topics;
        try (Admin admin = clients.admin()) {
            topics = new TreeSet<>(admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            Map<TopicPartition, Long> ends = offsets(admin, partitions(admin, topics), OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(admin, ends.keySet(), OffsetSpec.earliest());
            printTopics(out, topics, ends, starts);
            printLag(out, admin, ends);
        }
        if (topics.contains(TopicNames.COMPLAINTS_STATE)) {
            printOpenComplaints(out, clients);
        }
        return 0;
    }

    private static List<TopicPartition> partitions(Admin admin, Set<String> topics) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .forEach((name, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, java.util.Collection<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static void printTopics(PrintStream out, Set<String> topics, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts) {
        // Wide enough for Kafka Streams' changelog names (heed-routing-sla-due-index-store-changelog).
        int width = Math.max(40, topics.stream().mapToInt(String::length).max().orElse(0) + 1);
        out.printf("%-" + width + "s %10s %12s %9s%n", "TOPIC", "PARTITIONS", "END-OFFSET", "HELD");
        for (String topic : topics) {
            long end = 0;
            long held = 0;
            int count = 0;
            for (var entry : ends.entrySet()) {
                if (entry.getKey().topic().equals(topic)) {
                    end += entry.getValue();
                    held += entry.getValue() - starts.getOrDefault(entry.getKey(), 0L);
                    count++;
                }
            }
            String mark = topic.endsWith(".dlq") && held > 0 ? "   <- dead letters" : "";
            out.printf("%-" + width + "s %10d %12d %9d%s%n", topic, count, end, held, mark);
        }
    }

    private static void printLag(PrintStream out, Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        out.println();
        out.println("CONSUMER GROUP                          LAG      (per topic)");
        var groups = new TreeSet<String>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            groups.add(listing.groupId());
        }
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Long> lagByTopic = new TreeMap<>();
            committed.forEach((p, offset) -> {
                if (offset != null) {
                    lagByTopic.merge(p.topic(), Math.max(0, ends.getOrDefault(p, offset.offset()) - offset.offset()), Long::sum);
                }
            });
            long total = lagByTopic.values().stream().mapToLong(Long::longValue).sum();
            out.printf("%-40s %6d   %s%n", group, total, lagByTopic);
        }
    }

    private static void printOpenComplaints(PrintStream out, Clients clients) {
        Map<String, ComplaintState> latest = new HashMap<>();
        Topic<String, ComplaintState> topic = clients.topics().complaintsState();
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            new TopicReader<>(consumer, topic.name(), TIMEOUT).readToEnd(record -> {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), record.value());
                }
            });
        }
        Map<EscalationLevel, Integer> open = new EnumMap<>(EscalationLevel.class);
        latest.values().stream().filter(s -> !OWNED.contains(s.getStatus()))
                .forEach(s -> open.merge(s.getLevel(), 1, Integer::sum));
        out.println();
        out.printf("OPEN COMPLAINTS %d of %d known, by level: %s%n",
                open.values().stream().mapToInt(Integer::intValue).sum(), latest.size(), open);
    }
}
