package dev.heed.routing.topology;

import dev.heed.events.AckSource;
import dev.heed.events.Channel;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.UpdateAction;
import dev.heed.routing.deadletter.DeadLetterConfig;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.registry.SchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The routing topology in a {@link TopologyTestDriver}, with typed topics and a wall clock tests move by hand. */
final class RoutingDriver implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final HeedTopics topics;
    final AtomicLong deadLettered = new AtomicLong();
    final TopologyTestDriver driver;
    final TestInputTopic<String, FeedbackReceived> feedback;
    final TestInputTopic<String, byte[]> rawFeedback;
    final TestInputTopic<String, ComplaintAcknowledged> acks;
    final TestInputTopic<String, ComplaintUpdated> updates;
    final TestOutputTopic<String, FeedbackClassified> classified;
    final TestOutputTopic<String, ComplaintEscalated> escalated;
    final TestOutputTopic<String, ResponseDue> due;
    final TestOutputTopic<String, ComplaintState> state;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private Instant now;

    RoutingDriver(Path stateDir) {
        this(stateDir, StreamsConfig.EXACTLY_ONCE_V2);
    }

    RoutingDriver(Path stateDir, String guarantee) {
        this(stateDir, guarantee, new InMemorySchemaRegistry());
    }

    RoutingDriver(Path stateDir, String guarantee, SchemaRegistryClient registry) {
        this(stateDir, guarantee, registry, PolicyBook.defaults(), T0, StopInputWatermarks.NONE);
    }

    /** With these policies and the wall clock starting at {@code start}. */
    RoutingDriver(Path stateDir, PolicyBook policies, Instant start) {
        this(stateDir, StreamsConfig.EXACTLY_ONCE_V2, new InMemorySchemaRegistry(), policies, start, StopInputWatermarks.NONE);
    }

    /** With the brokers' samples of the acknowledgement and update topics that {@code watermarks} gives. */
    RoutingDriver(Path stateDir, StopInputWatermarks watermarks) {
        this(stateDir, StreamsConfig.EXACTLY_ONCE_V2, new InMemorySchemaRegistry(), PolicyBook.defaults(), T0, watermarks);
    }

    private RoutingDriver(Path stateDir, String guarantee, SchemaRegistryClient registry, PolicyBook policies, Instant start,
            StopInputWatermarks watermarks) {
        now = start;
        topics = HeedTopics.create(registry, true, 6);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        DeadLetterConfig.apply(props, topics.routingDlq().name(), deadLettered);
        driver = new TopologyTestDriver(RoutingTopology.build(topics, new ScriptedClassifier(), policies,
                ClockSettings.defaults(), watermarks), props, start);
        feedback = input(topics.feedbackReceived());
        rawFeedback = driver.createInputTopic(topics.feedbackReceived().name(), Serdes.String().serializer(), new ByteArraySerializer());
        acks = input(topics.complaintsAcknowledged());
        updates = input(topics.complaintsUpdated());
        classified = output(topics.feedbackClassified());
        escalated = output(topics.complaintsEscalated());
        due = output(topics.responseDue());
        state = output(topics.complaintsState());
        deadLetters = output(topics.routingDlq());
    }

    /** Moves the wall clock to {@code at}; the punctuator runs once, however far the jump, as after a pause. */
    void advanceTo(Instant at) {
        driver.advanceWallClockTime(Duration.between(now, at));
        now = at;
    }

    Instant now() {
        return now;
    }

    void sendFeedback(String id, String text, Instant at) {
        feedback.pipeInput(id, feedback(id, text, at), at);
    }

    void acknowledge(String id, Instant at) {
        acks.pipeInput(id, ComplaintAcknowledged.newBuilder().setComplaintId(id).setAcknowledgementId("ack-" + id)
                .setAcknowledgedAt(at).setAgent("agent-7").setSource(AckSource.CONSOLE).build(), at);
    }

    /** Acknowledges {@code id} at {@code at} (also the record's time) as {@code ackId}, promising an update by {@code nextUpdateBy}. */
    void acknowledge(String id, String ackId, Instant at, Instant nextUpdateBy) {
        acks.pipeInput(id, ComplaintAcknowledged.newBuilder().setComplaintId(id).setAcknowledgementId(ackId)
                .setAcknowledgedAt(at).setAgent("agent-7").setSource(AckSource.CONSOLE).setNextUpdateBy(nextUpdateBy).build(), at);
    }

    /** An update given to the customer at {@code at} (also the record's time); a {@code delay} only moves the promise. */
    void update(String id, String updateId, Instant at, Instant nextUpdateBy, boolean delay) {
        updates.pipeInput(id, ComplaintUpdated.newBuilder().setComplaintId(id).setUpdateId(updateId).setUpdatedAt(at)
                .setAgent("agent-7").setMessage("We are on it.").setNextUpdateBy(nextUpdateBy).setDelay(delay).build(), at);
    }

    /** An update at {@code at} (also the record's time) that does what {@code action} says: resolves or reopens. */
    void act(String id, String updateId, Instant at, Instant nextUpdateBy, UpdateAction action) {
        updates.pipeInput(id, ComplaintUpdated.newBuilder().setComplaintId(id).setUpdateId(updateId).setUpdatedAt(at)
                .setAgent("agent-9").setMessage(action == UpdateAction.RESOLVE ? "Refunded in full." : "Looking again.")
                .setNextUpdateBy(nextUpdateBy).setAction(action).build(), at);
    }

    static FeedbackReceived feedback(String id, String text, Instant at) {
        return FeedbackReceived.newBuilder().setEventId(id).setSourceSystem("web-form").setChannel(Channel.WEB)
                .setCustomer(Customer.newBuilder().setId("cust-" + id).build()).setText(text)
                .setOccurredAt(at).setReceivedAt(at).build();
    }

    /** The last state row written for {@code id} among those not read yet; reads (consumes) every pending state row. */
    ComplaintState lastState(String id) {
        return state.readKeyValuesToList().stream().filter(kv -> kv.key.equals(id)).reduce((a, b) -> b).orElseThrow().value;
    }

    KeyValueStore<String, Object> store(String name) {
        return driver.getKeyValueStore(name);
    }

    long entries(String name) {
        long count = 0;
        try (var all = driver.getKeyValueStore(name).all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
