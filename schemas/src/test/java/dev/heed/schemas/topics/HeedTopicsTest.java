package dev.heed.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.schemas.registry.InMemorySchemaRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeedTopicsTest {

    @Test
    void shouldNameEveryTopicByTheCatalogWithoutASuffix() {
        HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 6);

        assertThat(topics.feedbackClassified().name()).isEqualTo(TopicNames.FEEDBACK_CLASSIFIED);
        assertThat(topics.all()).allSatisfy(spec -> assertThat(spec.partitions()).isEqualTo(6));
    }

    @Test
    void shouldAppendTheSuffixToEveryTopicName() {
        HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 3, ".t7");

        assertThat(topics.all()).hasSize(12).allSatisfy(spec -> assertThat(spec.name()).endsWith(".t7"));
        assertThat(topics.responsesSent().name()).isEqualTo(TopicNames.RESPONSES_SENT + ".t7");
        assertThat(topics.responderDlq().name()).isEqualTo(TopicNames.RESPONDER_DLQ + ".t7");
    }

    @Test
    void shouldGiveEveryTopicThatHoldsPersonalDataItsRetentionAndNoOtherTopic() {
        HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 3, "", Duration.ofDays(30));

        Map<String, String> retention = new TreeMap<>();
        topics.all().forEach(spec -> retention.put(spec.name(), spec.allConfigs().get("retention.ms")));
        String month = String.valueOf(Duration.ofDays(30).toMillis());
        assertThat(retention).containsEntry(TopicNames.FEEDBACK_RECEIVED, month).containsEntry(TopicNames.FEEDBACK_CLASSIFIED, month)
                .containsEntry(TopicNames.COMPLAINTS_ESCALATED, month).containsEntry(TopicNames.COMPLAINTS_ACKNOWLEDGED, month)
                .containsEntry(TopicNames.COMPLAINTS_UPDATED, month)
                .containsEntry(TopicNames.PROBLEMS_UPDATED, month).containsEntry(TopicNames.PROBLEMS_FIXES, month)
                .containsEntry(TopicNames.RESPONSES_SENT, month).containsEntry(TopicNames.ROUTING_DLQ, month)
                .containsEntry(TopicNames.RESPONDER_DLQ, month)
                .containsEntry(TopicNames.COMPLAINTS_RESPONSE_DUE, null).containsEntry(TopicNames.COMPLAINTS_STATE, null);
        assertThat(HeedTopics.create(new InMemorySchemaRegistry(), true, 3, "").all())
                .allSatisfy(spec -> assertThat(spec.allConfigs()).doesNotContainKey("retention.ms").doesNotContainKey("segment.ms"));
    }

    @Test
    void shouldRollPersonalDataSegmentsDailyOrWithinAShorterRetentionSoThatRetentionBoundsTheirLife() {
        String day = String.valueOf(Duration.ofDays(1).toMillis());
        assertThat(HeedTopics.create(new InMemorySchemaRegistry(), true, 3, "", Duration.ofDays(30)).feedbackReceived()
                .spec().allConfigs()).containsEntry("segment.ms", day);
        assertThat(HeedTopics.create(new InMemorySchemaRegistry(), true, 3, "", Duration.ofHours(2)).feedbackReceived()
                .spec().allConfigs()).containsEntry("segment.ms", String.valueOf(Duration.ofHours(2).toMillis()));
        assertThat(HeedTopics.create(new InMemorySchemaRegistry(), true, 3, "", Duration.ofDays(30)).complaintsState()
                .spec().allConfigs()).doesNotContainKey("segment.ms");
    }
}
