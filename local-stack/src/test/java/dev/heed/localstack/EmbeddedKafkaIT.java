package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldRunThreeNodesAtTheLatestProductionMetadataVersion() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(3);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(3);

            admin.createTopics(List.of(new NewTopic("replicated", Optional.of(6), Optional.of((short) 3)))).all().get();
            assertThat(admin.describeTopics(List.of("replicated")).allTopicNames().get().get("replicated").partitions())
                    .allSatisfy(p -> assertThat(p.isr()).hasSize(3));

            FeatureMetadata features = admin.describeFeatures().featureMetadata().get();
            assertThat(features.finalizedFeatures().get("metadata.version").maxVersionLevel())
                    .isEqualTo(MetadataVersion.LATEST_PRODUCTION.featureLevel());
        }
    }
}
