package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintStatus;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.UpdateAction;
import dev.heed.routing.deadletter.DeadLetters;
import dev.heed.routing.deadletter.RefusedRecordException;
import dev.heed.routing.topology.processor.ComplaintClockProcessor;
import dev.heed.routing.topology.store.StoreNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer replies on an open complaint: feedback naming the complaint ({@code replyTo}) or its reference with the same
 * customer is attached to it (counted on its state, classified, never escalated), while the complaint is open; after
 * its resolution such feedback is new feedback again, and after a reopening a reply attaches again. The reply index
 * travels through routing's own topics, which the test driver feeds back into the topology.
 */
class ReplyTopologyTest {

    private static final Instant LATER = T0.plus(Duration.ofMinutes(3));

    @TempDir
    Path stateDir;
    private RoutingDriver routing;

    @AfterEach
    void stop() {
        routing.close();
    }

    private void start(String guarantee) {
        routing = new RoutingDriver(stateDir, guarantee);
    }

    /** Feedback {@code id} by {@code customer} about {@code reference}, perhaps replying to {@code replyTo}, at the driver's now. */
    private void send(String id, Customer customer, String reference, String replyTo, String text) {
        FeedbackReceived feedback = FeedbackReceived.newBuilder(RoutingDriver.feedback(id, text, routing.now()))
                .setCustomer(customer).setReference(reference).setReplyTo(replyTo).build();
        routing.feedback.pipeInput(id, feedback, routing.now());
    }

    private static Customer customer(String id, String email) {
        return Customer.newBuilder().setId(id).setEmail(email).build();
    }

    private String escalatedIds() {
        return String.join(",", routing.escalated.readKeyValuesToList().stream().map(kv -> kv.key).toList());
    }

    @Test
    void aReplyNamingTheReferenceOfAnOpenComplaintIsAttachedToItAndNotEscalated() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
        send("c-1", customer("k-1", "ada@example.org"), "order-1", null, "charged twice HIGH");
        routing.advanceTo(LATER);
        send("r-1", customer("k-1", null), "order-1", null, "still nothing, this is CRITICAL");

        assertThat(escalatedIds()).isEqualTo("c-1");
        assertThat(routing.classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("c-1", "r-1");
        ComplaintState state = routing.lastState("c-1");
        assertThat(state.getStatus()).as("its first-response clock runs on").isEqualTo(ComplaintStatus.OPEN);
        assertThat(state.getReplies()).isEqualTo(1);
        assertThat(state.getNegativeReplies()).isEqualTo(1);
        assertThat(state.getLastReplyNegative()).isTrue();
        assertThat(state.getLastReplyFeedbackId()).isEqualTo("r-1");
        assertThat(state.getLastReplyAt()).isEqualTo(LATER);
        assertThat(routing.store(StoreNames.OPEN_CLOCKS).get("r-1")).as("no clock of its own").isNull();
    }

    @Test
    void theSameCustomerIsFoundByAnyWayTheyAreKnownAndAnotherCustomerIsNot() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
        send("c-1", customer("k-1", "Ada@Example.org"), "order-1", null, "broken HIGH");
        routing.advanceTo(LATER);
        send("r-1", Customer.newBuilder().setEmail("ada@example.ORG").build(), "order-1", null, "Any news? HIGH");
        send("o-1", customer("k-2", "bob@example.org"), "order-1", null, "mine is broken too HIGH");
        send("o-2", customer("k-1", null), "order-2", null, "and another order MEDIUM");

        assertThat(escalatedIds()).isEqualTo("c-1,o-1,o-2");
        assertThat(routing.lastState("c-1").getReplies()).isEqualTo(1);
    }

    @Test
    void aReplyToTheComplaintsIdIsAttachedWhileItIsOpenAndIsNewFeedbackOnceResolved() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
        send("c-1", customer("k-1", null), null, null, "broken HIGH");
        routing.advanceTo(LATER);
        routing.acknowledge("c-1", "ack-1", LATER, null);
        send("r-1", customer(null, "someone@example.org"), null, "c-1", "Thanks for looking");

        ComplaintState acknowledged = routing.lastState("c-1");
        assertThat(acknowledged.getStatus()).isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        assertThat(acknowledged).extracting(ComplaintState::getReplies, ComplaintState::getNegativeReplies,
                ComplaintState::getLastReplyNegative).containsExactly(1, 0, false);

        routing.act("c-1", "r-res", LATER.plusSeconds(60), null, UpdateAction.RESOLVE);
        routing.advanceTo(LATER.plusSeconds(120));
        send("r-2", customer("k-1", null), null, "c-1", "It broke again HIGH");
        assertThat(escalatedIds()).as("a reply to a resolved complaint is new feedback, as before").isEqualTo("c-1,r-2");
        assertThat(routing.lastState("c-1").getReplies()).isEqualTo(1);
    }

    @Test
    void aReopenedComplaintTakesRepliesAgainAndAResolvedOneIsForgottenFromTheIndex() {
        start(StreamsConfig.EXACTLY_ONCE_V2);
        send("c-1", customer("k-1", null), "order-1", null, "broken HIGH");
        routing.acknowledge("c-1", "ack-1", T0, null);
        routing.act("c-1", "r-res", T0.plusSeconds(10), null, UpdateAction.RESOLVE);
        assertThat(routing.entries(StoreNames.REPLY_INDEX)).as("resolved: no key left").isZero();

        routing.act("c-1", "r-re", T0.plusSeconds(20), null, UpdateAction.REOPEN);
        assertThat(routing.entries(StoreNames.REPLY_INDEX)).as("open:c-1 and one reference key").isEqualTo(2);
        send("r-1", customer("k-1", null), "order-1", null, "Please hurry HIGH");

        assertThat(escalatedIds()).isEqualTo("c-1");
        ComplaintState state = routing.lastState("c-1");
        assertThat(state.getStatus()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(state.getReplies()).isEqualTo(1);
    }

    @Test
    void aReplyWhoseComplaintRoutingDoesNotHoldIsDeadLetteredAndTheNextRecordIsProcessed() {
        start(StreamsConfig.AT_LEAST_ONCE);
        var classified = routing.topics.feedbackClassified();
        var replies = routing.driver.createInputTopic(RoutingTopology.DEFAULT_REPLY_TOPICS.replies(), Serdes.String().serializer(),
                (String topic, FeedbackClassified value) -> classified.valueSerde().serializer().serialize(classified.name(), value));
        send("c-1", customer("k-1", null), "order-1", null, "broken HIGH");
        FeedbackClassified reply = routing.classified.readValuesToList().get(0);
        replies.pipeInput("c-9", reply, T0);
        send("r-1", customer("k-1", null), "order-1", null, "Hello?");

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.EXCEPTION)).isEqualTo(RefusedRecordException.class.getName());
        assertThat(header(dead, DeadLetters.MESSAGE)).startsWith(ComplaintClockProcessor.REPLY_UNMATCHED + ": reply c-1 to complaint c-9");
        assertThat(routing.lastState("c-1").getReplies()).as("processing went on").isEqualTo(1);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
