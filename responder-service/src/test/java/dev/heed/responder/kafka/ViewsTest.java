package dev.heed.responder.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.SentLog;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.topics.HeedTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the directory learns of a complaint's customer from its topics: the reply's language, and an erasure. */
class ViewsTest {
    private final HeedTopics topics = HeedTopics.create(new InMemorySchemaRegistry(), true, 1);
    private final ComplaintDirectory directory = new ComplaintDirectory();
    private final SentLog sentLog = new SentLog(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofDays(7));

    @Test
    void theSentLogTellsTheDirectoryTheLanguageOfAComplaintsReplyOnly() {
        Consumer<ConsumerRecord<byte[], byte[]>> view = Views.sentLog(topics, sentLog, directory);
        directory.escalated(SampleEvents.escalated("fb-1"));
        directory.escalated(SampleEvents.escalated("fb-2"));

        view.accept(sent(reply("fb-1", "complaint-ack/de")));
        view.accept(sent(reply("fb-2", "praise-thanks/fr")));
        ResponseSent notification = SampleEvents.responseSent("fb-2");
        notification.setTemplate("complaint-ack/it"); // an agent notification says nothing of the customer's language
        view.accept(sent(notification));

        assertThat(sentLog.contains("msg-fb-1")).isTrue();
        assertThat(directory.contact("fb-1").contact()).hasValueSatisfying(c -> assertThat(c.replyLanguage()).isEqualTo("de"));
        assertThat(directory.contact("fb-2").contact()).hasValueSatisfying(c -> assertThat(c.replyLanguage()).isNull());
    }

    @Test
    void aReplyReadBeforeItsEscalationKeepsItsLanguageForWhenTheEscalationComes() {
        Views.sentLog(topics, sentLog, directory).accept(sent(reply("fb-3", "complaint-received/de")));
        assertThat(directory.contact("fb-3").contact()).isEmpty();

        directory.escalated(SampleEvents.escalated("fb-3"));

        assertThat(directory.contact("fb-3").contact()).hasValueSatisfying(c -> {
            assertThat(c.replyLanguage()).isEqualTo("de");
            assertThat(c.customer().getEmail()).isEqualTo("ada@example.com");
            assertThat(c.sourceSystem()).isEqualTo("web-form");
        });
    }

    @Test
    void aTombstoneOnTheStateTopicForgetsTheCustomerButNotTheComplaint() {
        Consumer<ConsumerRecord<byte[], byte[]>> view = Views.directory(topics, directory);
        String escalated = topics.complaintsEscalated().name();
        view.accept(new ConsumerRecord<>(escalated, 0, 0L, key("fb-4"),
                topics.complaintsEscalated().valueSerde().serializer().serialize(escalated, SampleEvents.escalated("fb-4"))));
        assertThat(directory.contact("fb-4").contact()).isPresent();

        view.accept(new ConsumerRecord<>(topics.complaintsState().name(), 0, 0L, key("fb-4"), null));

        assertThat(directory.contact("fb-4").erased()).isTrue();
        assertThat(directory.contact("fb-4").contact()).isEmpty();
        assertThat(directory.find("fb-4")).isPresent();
        assertThat(directory.contact("fb-5").erased()).isFalse();
    }

    private static ResponseSent reply(String id, String template) {
        return ResponseSent.newBuilder(SampleEvents.responseSent(id)).setMessageId("msg-" + id).setKind(ResponseKind.CUSTOMER_REPLY)
                .setLevel(null).setTemplate(template).build();
    }

    private ConsumerRecord<byte[], byte[]> sent(ResponseSent event) {
        String topic = topics.responsesSent().name();
        return new ConsumerRecord<>(topic, 0, 0L, key(event.getFeedbackId()),
                topics.responsesSent().valueSerde().serializer().serialize(topic, event));
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }
}
