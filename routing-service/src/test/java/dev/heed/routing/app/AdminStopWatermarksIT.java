package dev.heed.routing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.routing.topology.StopInputWatermarks.Sample;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The samples routing's punctuator holds due points back by, taken from a real broker. */
@ExtendWith(LocalStackExtension.class)
class AdminStopWatermarksIT {

    private static final Duration SLOW = Duration.ofHours(1);
    private final Stack stack;

    AdminStopWatermarksIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void aSampleHoldsEndOffsetsPastTransactionMarkersAndWhatTheGroupHasCertainlyRead() throws Exception {
        String acks = stack.uniqueName("acks");
        String updates = stack.uniqueName("updates");
        String group = stack.uniqueName("routing");
        stack.createTopic(acks, 2);
        stack.createTopic(updates, 2);
        try (var plain = producer(Map.of())) {
            for (int i = 0; i < 3; i++) {
                plain.send(new ProducerRecord<>(acks, 1, "c-" + i, "ack")).get();
            }
            for (int i = 0; i < 4; i++) {
                plain.send(new ProducerRecord<>(acks, 0, "c-" + i, "ack")).get();
            }
        }
        // Two updates in one transaction: a read_committed reader's end is past the commit marker.
        try (var transactional = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("tx")))) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(updates, 0, "c-1", "update"));
            transactional.send(new ProducerRecord<>(updates, 0, "c-2", "update"));
            transactional.commitTransaction();
        }
        Admin admin = stack.admin();
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(acks, 1), new OffsetAndMetadata(2))).all().get();
        // Records before offset 3 of acks' partition 0 expire: nothing there to read below it.
        admin.deleteRecords(Map.of(new TopicPartition(acks, 0), RecordsToDelete.beforeOffset(3))).all().get();

        long before = System.currentTimeMillis();
        try (AdminStopWatermarks watermarks = new AdminStopWatermarks(admin(stack.bootstrapServers()), List.of(acks, updates),
                group, SLOW, SLOW, System::currentTimeMillis)) {
            watermarks.sample();
            List<Sample> samples = watermarks.samples();
            Sample newest = samples.get(samples.size() - 1);
            assertThat(newest.takenAt()).isBetween(before, System.currentTimeMillis());
            assertThat(newest.end(0, 0)).isEqualTo(4);
            assertThat(newest.end(0, 1)).isEqualTo(3);
            assertThat(newest.end(1, 0)).isEqualTo(3);
            assertThat(newest.end(1, 1)).isZero();
            assertThat(newest.read(0, 0)).as("the log's start, nothing committed").isEqualTo(3);
            assertThat(newest.read(0, 1)).as("committed").isEqualTo(2);
            assertThat(newest.read(1, 0)).as("neither committed nor deleted").isZero();
        }
    }

    @Test
    void brokersThatDoNotAnswerGiveNoSample() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (AdminStopWatermarks watermarks = new AdminStopWatermarks(admin("localhost:" + closed), List.of("acks", "updates"),
                "routing", Duration.ofMillis(250), SLOW, System::currentTimeMillis)) {
            assertThatThrownBy(watermarks::sample).isInstanceOf(Exception.class);
            assertThat(watermarks.samples()).isEmpty();
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000));
    }

    private KafkaProducer<String, String> producer(Map<String, Object> extra) {
        var props = new java.util.HashMap<String, Object>(extra);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
