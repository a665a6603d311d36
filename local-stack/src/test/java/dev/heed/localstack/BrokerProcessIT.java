package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
}
