package dev.heed.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ProducerReadinessTest {
    @Test
    void shouldBeReadyOnlyWhenThePartitionsAreKnown() {
        var producer = new MockProducer<String, byte[]>(false, null, new StringSerializer(), new ByteArraySerializer()) {
            volatile List<PartitionInfo> partitions = List.of();
            volatile boolean broken;

            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic) {
                if (broken) {
                    throw new KafkaException("no metadata");
                }
                return partitions;
            }
        };
        var readiness = new ProducerReadiness(producer, "t", Duration.ofSeconds(5));

        assertThat(readiness.getAsBoolean()).isFalse();
        producer.partitions = List.of(new PartitionInfo("t", 0, null, null, null));
        assertThat(readiness.getAsBoolean()).isTrue();
        producer.broken = true;
        assertThat(readiness.getAsBoolean()).isFalse();
    }
}
