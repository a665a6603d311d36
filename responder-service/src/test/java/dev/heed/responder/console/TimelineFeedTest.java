package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintEscalated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the feed makes of a feedback's times: routing's latency from received to classified and escalated. */
class TimelineFeedTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00.250Z");

    private final HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 1);
    private final TimelineIndex index = new TimelineIndex(100, 100);
    private final TimelineFeed feed = new TimelineFeed(topics, index, new DeadLetters(10));
    private long offset;

    @Test
    void shouldShowHowLongAfterItWasReceivedAFeedbackWasClassifiedAndEscalated() {
        FeedbackReceived feedback = SampleEvents.feedback("fb-1");
        feedback.setReceivedAt(RECEIVED);
        FeedbackClassified classified = SampleEvents.classified("fb-1");
        classified.setFeedback(feedback);
        classified.setClassifiedAt(RECEIVED.plusMillis(180));
        ComplaintEscalated escalated = escalated("fb-1", RECEIVED.plusMillis(185), RECEIVED);

        // The feed reads topics independently: the escalation may come first.
        read(topics.complaintsEscalated(), escalated);
        read(topics.feedbackClassified(), classified);
        read(topics.feedbackReceived(), feedback);

        ComplaintFacts facts = index.facts("fb-1").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.classifiedAfterMillis()).isEqualTo(180);
        assertThat(facts.escalatedAfterMillis()).isEqualTo(185);
    }

    @Test
    void shouldTakeTheReceivedTimeFromTheEscalationWhenItIsAllThatIsHeld() {
        read(topics.complaintsEscalated(), escalated("fb-2", RECEIVED.plusSeconds(3), RECEIVED));

        ComplaintFacts facts = index.facts("fb-2").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.escalatedAfterMillis()).isEqualTo(3000);
        assertThat(facts.classifiedAfterMillis()).isNull();
    }

    @Test
    void shouldShowNoLatencyForAnEscalationThatDoesNotSayWhenItsFeedbackWasReceived() {
        // From routing before ComplaintEscalated 3: escalatedAt was the received time, so there is nothing to measure.
        read(topics.complaintsEscalated(), escalated("fb-3", RECEIVED, null));

        ComplaintFacts facts = index.facts("fb-3").orElseThrow();
        assertThat(facts.receivedAt()).isEqualTo(RECEIVED);
        assertThat(facts.escalatedAfterMillis()).isNull();
    }

    private static ComplaintEscalated escalated(String id, Instant escalatedAt, Instant receivedAt) {
        ComplaintEscalated escalated = SampleEvents.escalated(id);
        escalated.setEscalatedAt(escalatedAt);
        escalated.setReceivedAt(receivedAt);
        return escalated;
    }

    private <V> void read(Topic<String, V> topic, V event) {
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), event);
        feed.accept(new ConsumerRecord<>(topic.name(), 0, offset++, new byte[0], value));
    }
}
