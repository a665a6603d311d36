package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void shouldRunThreeBrokersAtTheLatestProductionMetadataVersion() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(3);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);

            admin.createTopics(List.of(new NewTopic("replicated", Optional.of(6), Optional.of((short) 3)))).all().get();
            // The broker that answers may learn of the new topic a moment after the controller made it: ask until
            // it knows, and then every partition must have all three in sync.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertThat(admin.describeTopics(List.of("replicated")).allTopicNames().get().get("replicated").partitions())
                            .hasSize(6)
                            .allSatisfy(p -> assertThat(p.isr()).hasSize(3)));

            FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
            assertThat(features.finalizedFeatures().get("metadata.version").maxVersionLevel())
                    .isEqualTo(MetadataVersion.LATEST_PRODUCTION.featureLevel());
        }
    }
}
