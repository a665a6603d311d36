package dev.heed.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.schemas.registry.InMemorySchemaRegistry;
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

        assertThat(topics.all()).hasSize(9).allSatisfy(spec -> assertThat(spec.name()).endsWith(".t7"));
        assertThat(topics.responsesSent().name()).isEqualTo(TopicNames.RESPONSES_SENT + ".t7");
        assertThat(topics.responderDlq().name()).isEqualTo(TopicNames.RESPONDER_DLQ + ".t7");
    }
}
