package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Severity;
import dev.heed.events.UpdateAction;
import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code heed replay} against the real broker and registry: what it reads (committed records only, of the three topics),
 * what it joins, and that it writes nothing: no record on any topic, no consumer group.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayCommandIT {
    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void shouldReplayTheCommittedEscalationsAcknowledgementsAndResolutionsAndWriteNothing(Stack stack) throws Exception {
        String suffix = "." + stack.uniqueName("replay");
        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(stack.registryUrl()), true, 3, suffix, Duration.ofDays(7));
        TopicEnsure.createMissing(stack.admin(), topics.all(), (short) 1, Duration.ofSeconds(30));
        String a = "a" + suffix;
        String b = "b" + suffix;
        String aborted = "aborted" + suffix;
        // a: acknowledged after 50 minutes (two warnings, no breach under the default one hour); b: open.
        send(stack, topics.complaintsEscalated(), Map.of(a, escalated(a), b, escalated(b)), true);
        send(stack, topics.complaintsAcknowledged(), Map.of(a, ack(a, MONDAY.plus(Duration.ofMinutes(50)))), true);
        // a resolved at 11:00, an hour after the candidate's resolution target; b's resolution aborted: it stays open.
        send(stack, topics.complaintsUpdated(), Map.of(a, resolved(a, MONDAY.plus(Duration.ofHours(2)))), true);
        send(stack, topics.complaintsUpdated(), Map.of(b, resolved(b, MONDAY.plus(Duration.ofMinutes(20)))), false);
        // An escalation in an aborted transaction, as a routing instance killed mid-commit leaves: never read.
        send(stack, topics.complaintsEscalated(), Map.of(aborted, escalated(aborted)), false);
        Map<TopicPartition, Long> before = endOffsets(stack, topics);
        Set<String> groupsBefore = groups(stack);

        CliRun run = CliRun.of(List.of("replay", "--json", "--until", "2026-12-07T13:00:00Z",
                "--policies", "high@2: severity=HIGH target=30m warn=none repeat=1h resolve=1h resolve-warn=none",
                "--bootstrap", stack.bootstrapServers(), "--registry", stack.registryUrl()), Map.of("HEED_TOPIC_SUFFIX", suffix));

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JsonView.MAPPER.readTree(run.out());
        assertThat(report.path("read").path("escalations").asInt()).isEqualTo(2);
        assertThat(report.path("read").path("acknowledgements").asInt()).isEqualTo(1);
        JsonNode live = report.path("live");
        assertThat(live.path("complaints").asInt()).isEqualTo(2);
        assertThat(live.path("acknowledged").asInt()).isEqualTo(1);
        // a: 2 warnings; b: 2 warnings, breach 10:00, repeats 11:00, 12:00, 13:00
        assertThat(live.path("breached").asInt()).isEqualTo(1);
        assertThat(live.path("points").asInt()).isEqualTo(2 + 2 + 1 + 3);
        JsonNode candidate = report.path("candidate");
        // a breaches at 09:30, before its acknowledgement; b at 09:30 and repeats 10:30, 11:30, 12:30
        assertThat(candidate.path("breached").asInt()).isEqualTo(2);
        assertThat(candidate.path("warnings").asInt()).isZero();
        assertThat(candidate.path("points").asInt()).isEqualTo(1 + 1 + 3);
        assertThat(report.path("read").path("updates").asInt()).isEqualTo(1);
        assertThat(report.path("read").path("resolutions").asInt()).isEqualTo(1);
        assertThat(live.has("resolution")).as("the default policies have no resolution target").isFalse();
        JsonNode resolution = candidate.path("resolution");
        // Escalated at 09:00:02, due 10:00:02, repeated hourly: a breached and resolved at 11:00, before its first repeat;
        // b open, repeated at 11:00:02 and 12:00:02.
        assertThat(resolution.path("complaints").asInt()).isEqualTo(2);
        assertThat(resolution.path("resolvedLate").asInt()).isEqualTo(1);
        assertThat(resolution.path("openPastTarget").asInt()).isEqualTo(1);
        assertThat(resolution.path("breaches").asInt()).isEqualTo(2);
        assertThat(resolution.path("repeats").asInt()).isEqualTo(2);
        assertThat(resolution.path("escalationToResolutionMedian").asText()).isEqualTo("PT1H59M58S");
        assertThat(endOffsets(stack, topics)).as("replay writes to no topic").isEqualTo(before);
        assertThat(groups(stack)).as("replay joins no consumer group").isEqualTo(groupsBefore);
    }

    private static ComplaintEscalated escalated(String id) {
        ComplaintEscalated e = SampleEvents.escalated(id);
        e.setSeverity(Severity.HIGH);
        e.setReceivedAt(MONDAY);
        e.setEscalatedAt(MONDAY.plusSeconds(2));
        return e;
    }

    private static ComplaintUpdated resolved(String id, Instant at) {
        ComplaintUpdated update = SampleEvents.updated(id);
        update.setAction(UpdateAction.RESOLVE);
        update.setNextUpdateBy(null);
        update.setUpdatedAt(at);
        return update;
    }

    private static ComplaintAcknowledged ack(String id, Instant at) {
        ComplaintAcknowledged ack = SampleEvents.acknowledged(id);
        ack.setAcknowledgedAt(at);
        return ack;
    }

    private static <V> void send(Stack stack, Topic<String, V> topic, Map<String, V> values, boolean commit) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("replay-it")));
        try (var producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            values.forEach((key, value) -> producer.send(new ProducerRecord<>(topic.name(), key, value)));
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Stack stack, HeedTopics topics) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.all().stream()
                    .flatMap(t -> consumer.partitionsFor(t.name()).stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static Set<String> groups(Stack stack) throws Exception {
        return stack.admin().listGroups().all().get().stream().map(g -> g.groupId()).collect(Collectors.toSet());
    }
}
