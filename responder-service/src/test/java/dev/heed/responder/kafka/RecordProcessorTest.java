package dev.heed.responder.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.ResponseSent;
import dev.heed.events.Sentiment;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.delivery.BackoffPolicy;
import dev.heed.responder.delivery.DeliveryMetrics;
import dev.heed.responder.delivery.Dispatcher;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.delivery.RetryingSender;
import dev.heed.responder.delivery.SentLog;
import dev.heed.responder.input.InputDecoder;
import dev.heed.responder.notify.AgentNotifications;
import dev.heed.responder.notify.AgentRoutes;
import dev.heed.responder.reply.CustomerReplies;
import dev.heed.responder.reply.CustomerUpdates;
import dev.heed.responder.reply.ReplyRouting;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.responder.respond.Responses;
import dev.heed.responder.respond.Step;
import dev.heed.schemas.MutableClock;
import dev.heed.schemas.SampleEvents;
import dev.heed.schemas.registry.InMemorySchemaRegistry;
import dev.heed.schemas.registry.RegistryException;
import dev.heed.schemas.registry.SchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The record processor's and the loop's failure paths with Kafka's mock clients: a registry that cannot be
 * reached, and a responses.sent that cannot be written. The rule itself (what is sent and when) is in
 * {@link dev.heed.responder.respond.ResponsesTest}.
 */
class RecordProcessorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final HeedTopics topics = HeedTopics.create(registry, true, 1);
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final List<OutboundMessage> emailed = new ArrayList<>();
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final List<Map<TopicPartition, OffsetAndMetadata>> committed = new ArrayList<>();
    private final TopicPartition input = new TopicPartition(topics.feedbackClassified().name(), 0);

    @Test
    void aRecordThatCannotBeReadWhileTheRegistryIsDownIsReadAgainLaterNotDeadLettered() throws Exception {
        ConsumerRecord<byte[], byte[]> record = classified(SampleEvents.classified("fb-1"));
        SchemaRegistryClient down = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                throw new RegistryException("connection refused", true, null);
            }

            @Override
            public int lookup(String subject, Schema schema) {
                throw new RegistryException("connection refused", true, null);
            }

            @Override
            public Schema getById(int id) {
                throw new RegistryException("connection refused", true, null);
            }
        };

        assertThat(processor(HeedTopics.create(down, true, 1)).process(record)).isEqualTo(Step.RETRY_LATER);
        assertThat(producer.history()).isEmpty();
        assertThat(emailed).isEmpty();
    }

    @Test
    void aRecordWhoseOutcomeSchemaTheRegistryCannotGiveIsReadAgainLaterBeforeItsMessageGoesOutNotAfter() throws Exception {
        // The input's schema is known (its id is in the record), but the registry does not answer for the outcome's
        // subject: a cold cache at start-up under load, as ResponderKillFaultIT met it. Failing only when the outcome
        // is written would leave the reply delivered and unrecorded, and the record read again would send it again.
        ConsumerRecord<byte[], byte[]> record = classified(praise("fb-cold"));
        String outcomeSubject = topics.responsesSent().name() + "-value";
        SchemaRegistryClient outcomeUnresolvable = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                if (subject.equals(outcomeSubject)) {
                    throw new RegistryException("has not answered in 1000 ms", true, null);
                }
                return registry.register(subject, schema);
            }

            @Override
            public int lookup(String subject, Schema schema) {
                if (subject.equals(outcomeSubject)) {
                    throw new RegistryException("has not answered in 1000 ms", true, null);
                }
                return registry.lookup(subject, schema);
            }

            @Override
            public Schema getById(int id) {
                return registry.getById(id);
            }
        };
        RecordProcessor processor = processor(topics, HeedTopics.create(outcomeUnresolvable, true, 1), producer, Duration.ofSeconds(5));

        assertThat(processor.process(record)).isEqualTo(Step.RETRY_LATER);
        assertThat(processor.process(record)).isEqualTo(Step.RETRY_LATER); // read again later, the registry still silent

        assertThat(emailed).as("replies sent while their outcome could not be recorded").isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anOutcomeThatCannotBeWrittenStopsTheLoopWithoutCommittingSoARestartReadsTheRecordAgain() {
        // The broker never acknowledges: the write times out after the recorder's bound.
        MockProducer<byte[], byte[]> silent = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        MockConsumer<byte[], byte[]> consumer = consumerWith(classified(praise("fb-unrecorded")));
        ResponderLoop loop = loop(consumer, processor(topics, silent, Duration.ofMillis(50)));

        loop.run(); // returns once the failure stopped it

        assertThat(loop.failure()).isInstanceOf(OutcomeRecorder.RecordingFailedException.class)
                .hasMessageContaining("the outcome of");
        assertThat(loop.ready()).isFalse();
        assertThat(committed).isEmpty();
        assertThat(consumer.closed()).isTrue();
        // The reply went out before its outcome could be recorded: a restart sends it again under the same
        // message id (at least once; the id lets the receiving side drop the repeat).
        assertThat(emailed).hasSize(1);
    }

    @Test
    void anOutcomeThatIsWrittenLetsTheLoopCommitPastItsRecord() {
        MockConsumer<byte[], byte[]> consumer = consumerWith(classified(praise("fb-recorded")));
        ResponderLoop loop = loop(consumer, processor(topics));
        consumer.schedulePollTask(loop::stop);

        loop.run();

        assertThat(loop.failure()).isNull();
        assertThat(committed).containsExactly(Map.of(input, new OffsetAndMetadata(8)));
        assertThat(recorded()).singleElement().satisfies(sent -> assertThat(sent.getFeedbackId()).isEqualTo("fb-recorded"));
    }

    @Test
    void aRecordWithoutAValueOnAnInputTopicIsDeadLetteredAndTheLoopGoesOnPastIt() {
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>(input.topic(), 0, 7L, "fb-gone".getBytes(), null);
        MockConsumer<byte[], byte[]> consumer = consumerWith(tombstone);
        ResponderLoop loop = loop(consumer, processor(topics));
        consumer.schedulePollTask(loop::stop);

        loop.run();

        assertThat(loop.failure()).isNull();
        assertThat(committed).containsExactly(Map.of(input, new OffsetAndMetadata(8)));
        assertThat(producer.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(topics.responderDlq().name());
            assertThat(new String(dead.key())).isEqualTo("fb-gone");
            assertThat(new String(dead.headers().lastHeader(OutcomeRecorder.REASON_HEADER).value())).isEqualTo(RecordProcessor.TOMBSTONE);
        });
        assertThat(emailed).isEmpty();
    }

    /** Feedback that is not escalated, so its reply goes out at once. */
    private static FeedbackClassified praise(String id) {
        FeedbackClassified event = SampleEvents.classified(id);
        event.getClassification().setSentiment(Sentiment.POSITIVE);
        event.getClassification().setEscalate(false);
        return event;
    }

    private MockConsumer<byte[], byte[]> consumerWith(ConsumerRecord<byte[], byte[]> record) {
        // The loop closes its consumer when it stops, after which a mock consumer answers nothing: keep the commits.
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                committed.add(Map.copyOf(offsets));
                super.commitSync(offsets);
            }

            @Override
            public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
                committed.add(Map.copyOf(offsets));
                super.commitAsync(offsets, callback);
            }
        };
        consumer.updateBeginningOffsets(Map.of(input, 7L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(input));
            consumer.addRecord(record);
        });
        return consumer;
    }

    private ResponderLoop loop(MockConsumer<byte[], byte[]> consumer, RecordProcessor processor) {
        return new ResponderLoop(consumer, List.of(input.topic()), processor, () -> { }, Runnable::run, clock,
                new ResponderLoop.Limits(4, 100, Duration.ZERO, Duration.ofMillis(10), Duration.ZERO, Duration.ofMillis(200)));
    }

    private RecordProcessor processor(HeedTopics readWith) {
        return processor(readWith, producer, Duration.ofSeconds(5));
    }

    private RecordProcessor processor(HeedTopics readWith, MockProducer<byte[], byte[]> writeTo, Duration writeTimeout) {
        return processor(readWith, topics, writeTo, writeTimeout);
    }

    private RecordProcessor processor(HeedTopics readWith, HeedTopics writeWith, MockProducer<byte[], byte[]> writeTo,
                                      Duration writeTimeout) {
        DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
        RetryingSender sender = new RetryingSender(Map.of(DeliveryChannel.EMAIL, emailed::add),
                BackoffPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(2)), duration -> { }, metrics);
        OutcomeRecorder recorder = new OutcomeRecorder(writeTo, writeWith.responsesSent(), writeWith.responderDlq(), writeTimeout);
        TemplateLibrary templates = new TemplateLibrary(null, "en");
        TimeFormat times = new TimeFormat(ZoneId.of("UTC"));
        return new RecordProcessor(new InputDecoder(readWith), new Responses(
                new CustomerReplies(templates, new ReplyRouting(Map.of()), times),
                new CustomerUpdates(templates, new ReplyRouting(Map.of()), times),
                new AgentNotifications(templates, new AgentRoutes(Map.of()), times, clock, "https://heed.example.com/", "en"),
                new ComplaintDirectory(), new Dispatcher(new SentLog(clock, Duration.ofDays(7)), sender, recorder, metrics, clock),
                metrics, clock, WAIT), recorder);
    }

    private ConsumerRecord<byte[], byte[]> classified(FeedbackClassified event) {
        String topic = topics.feedbackClassified().name();
        return new ConsumerRecord<>(topic, 0, 7L, event.getFeedback().getEventId().getBytes(),
                topics.feedbackClassified().valueSerde().serializer().serialize(topic, event));
    }

    private List<ResponseSent> recorded() {
        return producer.history().stream()
                .filter(r -> r.topic().equals(topics.responsesSent().name()))
                .map(r -> topics.responsesSent().valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .toList();
    }
}
