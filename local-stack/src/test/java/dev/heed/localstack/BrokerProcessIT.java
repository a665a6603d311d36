package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerProcessIT {

    @TempDir
    Path dir;

    @Test
    void shouldKeepRecordsAndServeTheSameClientsAcrossARestart() throws Exception {
        try (BrokerProcess broker = LocalStack.startIsolatedBroker(dir.resolve("kafka"))) {
            String topic = "restart-" + System.nanoTime();
            int port = broker.port();
            long firstPid = broker.pid();
            TestClients.produce(broker.bootstrapServers(), topic, "k", "before-restart");

            try (KafkaProducer<String, String> producer = TestClients.producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>(topic, "k", "warm-up")).get(30, TimeUnit.SECONDS);

                broker.stop();
                assertThat(broker.isRunning()).isFalse();
                broker.start();

                // The producer built before the outage must find the broker again on its own.
                producer.send(new ProducerRecord<>(topic, "k", "after-restart")).get(60, TimeUnit.SECONDS);
            }

            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(TestClients.consume(broker.bootstrapServers(), topic, 3, Duration.ofSeconds(30)))
                    .extracting(r -> r.value())
                    .containsExactly("before-restart", "warm-up", "after-restart");
        }
    }

    /** A child-JVM broker with SASL_SSL, SCRAM (the admin's credential formatted into its storage) and ACLs. */
    @Test
    void aSecuredBrokerTakesTheAdminAndRefusesAUserWithoutAcls() throws Exception {
        Files.createDirectories(dir.resolve("tls"));
        BrokerSecurity security = BrokerSecurity.generate(dir.resolve("tls"));
        try (BrokerProcess broker = BrokerProcess.builder(dir.resolve("kafka-secure")).security(security).build().start()) {
            Map<String, Object> admin = new HashMap<>(security.adminClientProperties());
            admin.put("bootstrap.servers", broker.bootstrapServers());
            try (Admin client = Admin.create(admin)) {
                client.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("nobody",
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "pw"))).all().get(30, TimeUnit.SECONDS);
                client.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Map<String, Object> nobody = new HashMap<>(security.clientProperties("nobody", "pw"));
            nobody.put("bootstrap.servers", broker.bootstrapServers());
            nobody.put("max.block.ms", 10_000);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(nobody, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secured", "k", "v")).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }
}
