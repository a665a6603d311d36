package dev.heed.responder.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.serde.UnreadableRecordException;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import org.junit.jupiter.api.Test;

/** Each Heed topic's records decode into the input of their event type; the dead-letter topics' are not read. */
class InputDecoderTest {
    private final HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 1);
    private final InputDecoder decoder = new InputDecoder(topics);

    @Test
    void eachTopicsRecordBecomesTheInputOfItsEvent() {
        assertThat(decoder.decode(topics.feedbackReceived().name(), bytes(topics.feedbackReceived(), SampleEvents.feedback("fb-1"))))
                .isEqualTo(new Input.Received(SampleEvents.feedback("fb-1")));
        assertThat(decoder.decode(topics.feedbackClassified().name(), bytes(topics.feedbackClassified(), SampleEvents.classified("fb-1"))))
                .isEqualTo(new Input.Classified(SampleEvents.classified("fb-1")));
        assertThat(decoder.decode(topics.complaintsEscalated().name(), bytes(topics.complaintsEscalated(), SampleEvents.escalated("fb-1"))))
                .isEqualTo(new Input.Escalated(SampleEvents.escalated("fb-1")));
        assertThat(decoder.decode(topics.responseDue().name(), bytes(topics.responseDue(), SampleEvents.responseDue("fb-1"))))
                .isEqualTo(new Input.Due(SampleEvents.responseDue("fb-1")));
        assertThat(decoder.decode(topics.complaintsAcknowledged().name(), bytes(topics.complaintsAcknowledged(), SampleEvents.acknowledged("fb-1"))))
                .isEqualTo(new Input.Acknowledged(SampleEvents.acknowledged("fb-1")));
        assertThat(decoder.decode(topics.responsesSent().name(), bytes(topics.responsesSent(), SampleEvents.responseSent("fb-1"))))
                .isEqualTo(new Input.Sent(SampleEvents.responseSent("fb-1")));
        assertThat(decoder.decode(topics.complaintsState().name(), bytes(topics.complaintsState(), SampleEvents.state("fb-1"))))
                .isEqualTo(new Input.State(SampleEvents.state("fb-1")));
        assertThat(decoder.decode(topics.complaintsUpdated().name(), bytes(topics.complaintsUpdated(), SampleEvents.updated("fb-1"))))
                .isEqualTo(new Input.Updated(SampleEvents.updated("fb-1")));
    }

    @Test
    void everyTopicOfTheCatalogIsReadable() {
        // The console's feed reads every catalog topic through this decoder: a topic missing here would fail it.
        topics.all().forEach(spec -> assertThat(decoder.decode(spec.name(), null)).isNotNull());
    }


    @Test
    void aDeadLetterIsNotReadAndANullValueIsATombstone() {
        assertThat(decoder.decode(topics.responderDlq().name(), new byte[] {1, 2})).isEqualTo(new Input.DeadLetter());
        assertThat(decoder.decode(topics.routingDlq().name(), null)).isEqualTo(new Input.DeadLetter());
        assertThat(decoder.decode(topics.complaintsState().name(), null)).isEqualTo(new Input.Tombstone());
    }

    @Test
    void anUnreadableValueThrowsTheSerdesErrorAndAForeignTopicIsRefused() {
        assertThatThrownBy(() -> decoder.decode(topics.feedbackClassified().name(), new byte[] {7}))
                .isInstanceOf(UnreadableRecordException.class);
        assertThatThrownBy(() -> decoder.decode("someone.elses.topic", new byte[] {7}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("someone.elses.topic");
    }

    private static <V> byte[] bytes(Topic<String, V> topic, V value) {
        return topic.valueSerde().serializer().serialize(topic.name(), value);
    }
}
