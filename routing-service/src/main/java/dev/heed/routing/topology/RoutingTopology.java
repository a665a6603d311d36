package dev.heed.routing.topology;

import dev.heed.events.FeedbackClassified;
import dev.heed.routing.classify.Classifier;
import dev.heed.routing.deadletter.EventRequired;
import dev.heed.routing.sla.EscalationRule;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.topology.processor.ClassifyProcessor;
import dev.heed.routing.topology.processor.ClockInput;
import dev.heed.routing.topology.processor.ComplaintClockProcessor;
import dev.heed.routing.topology.processor.DedupeProcessor;
import dev.heed.routing.topology.processor.EscalateProcessor;
import dev.heed.routing.topology.processor.ProblemLinksProcessor;
import dev.heed.routing.topology.processor.StateViewProcessor;
import dev.heed.routing.topology.store.AcknowledgedComplaintSerde;
import dev.heed.routing.topology.store.EarlyAcks;
import dev.heed.routing.topology.store.OpenComplaintSerde;
import dev.heed.routing.topology.store.ProblemLinksSerde;
import dev.heed.routing.topology.store.RepliesSerde;
import dev.heed.routing.topology.store.ResolutionClockSerde;
import dev.heed.routing.topology.store.StoreNames;
import dev.heed.schemas.topics.HeedTopics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The routing topology as a function of its topics, classifier, policies and timing; no I/O happens here.
 *
 * <pre>
 * feedback.received → dedupe → classify → feedback.classified
 *                                      └→ escalate → complaint-clock → complaints.escalated
 *                     (reply-index-store)  └→ replies ─┤              ├→ complaints.response-due
 * complaints.acknowledged ─────────────────────────────┤              ├→ reply-index → reply-index-store (global)
 * complaints.updated ──────────────────────────────────┤              ├→ complaints.state → complaints-state-store
 * problems.updated → problem-links → problems.fixes ───┘              └→ complaints.updated (a problem's fix, once applied)
 * </pre>
 * A customer's reply to an open complaint arrives keyed by its own event id; the escalation step finds its complaint in
 * the global reply index and sends it through routing's replies topic to the complaint's partition ({@link ReplyTopics}).
 * Every node and store is named; the store names ({@link StoreNames}) are the interactive-query contract and
 * changelog topic names, so renaming one is a migration, which the pinned {@code describe()} test makes visible.
 * The steps are in {@code topology.processor}, the clock's stores in {@code topology.store}, and the event
 * builders in {@code topology.event}.
 */
public final class RoutingTopology {

    private RoutingTopology() {
    }

    /** The inputs that stop a clock, acknowledgements then updates: the order of {@link StopInputWatermarks} samples. */
    public static List<String> stopInputs(HeedTopics topics) {
        return List.of(topics.complaintsAcknowledged().name(), topics.complaintsUpdated().name());
    }

    /** The reply topics of routing under its default application id, {@code heed-routing}, for tests and benchmarks. */
    public static final ReplyTopics DEFAULT_REPLY_TOPICS = ReplyTopics.of("heed-routing");

    /** The topology with no broker samples: the punctuator holds due points back by stream time only. */
    public static Topology build(HeedTopics topics, Classifier classifier, PolicyBook policies, ClockSettings settings) {
        return build(topics, classifier, policies, settings, StopInputWatermarks.NONE);
    }

    /** As {@link #build(HeedTopics, Classifier, PolicyBook, ClockSettings, StopInputWatermarks, ReplyTopics)}, with {@link #DEFAULT_REPLY_TOPICS}. */
    public static Topology build(HeedTopics topics, Classifier classifier, PolicyBook policies, ClockSettings settings,
            StopInputWatermarks watermarks) {
        return build(topics, classifier, policies, settings, watermarks, DEFAULT_REPLY_TOPICS);
    }

    /**
     * The topology whose punctuator holds due points back until each task has read the acknowledgements and updates
     * that {@code watermarks} say were written before them (their samples' arrays are in {@link #stopInputs} order), and
     * whose customer replies go through {@code replyTopics}.
     */
    public static Topology build(HeedTopics topics, Classifier classifier, PolicyBook policies, ClockSettings settings,
            StopInputWatermarks watermarks, ReplyTopics replyTopics) {
        Topology topology = new Topology();
        var received = topics.feedbackReceived();
        var acknowledged = topics.complaintsAcknowledged();
        var updated = topics.complaintsUpdated();
        // A tombstone on either input is dead-lettered like any unreadable record (see EventRequired).
        topology.addSource("feedback-received-source", received.keySerde().deserializer(),
                EventRequired.of(received.valueSerde().deserializer()), received.name());
        topology.addSource("complaints-acknowledged-source", acknowledged.keySerde().deserializer(),
                ClockInput.acknowledgements(EventRequired.of(acknowledged.valueSerde().deserializer())), acknowledged.name());
        topology.addSource("complaints-updated-source", updated.keySerde().deserializer(),
                ClockInput.updates(EventRequired.of(updated.valueSerde().deserializer())), updated.name());
        // Replies are written as feedback.classified holds them, under its registry subject: no subject of their own to register.
        var classified = topics.feedbackClassified();
        topology.addSource("replies-source", Serdes.String().deserializer(), ClockInput.replies(EventRequired.of(
                (topic, bytes) -> classified.valueSerde().deserializer().deserialize(classified.name(), bytes))), replyTopics.replies());
        topology.addProcessor("dedupe", () -> new DedupeProcessor(StoreNames.DEDUPE, settings.dedupeRetention()), "feedback-received-source");
        topology.addProcessor("classify", () -> new ClassifyProcessor(classifier), "dedupe");
        EscalationRule escalation = new EscalationRule(policies);
        topology.addProcessor("escalate", () -> new EscalateProcessor(escalation, "complaint-clock", StoreNames.REPLY_INDEX), "classify");
        List<String> stops = stopInputs(topics);
        String fixes = addProblemLinks(topology, topics);
        topology.addProcessor("complaint-clock", () -> new ComplaintClockProcessor(settings, stops, watermarks), "escalate",
                "complaints-acknowledged-source", "complaints-updated-source", "replies-source", fixes);
        topology.addSink(EscalateProcessor.REPLIES_SINK, replyTopics.replies(), Serdes.String().serializer(),
                (topic, value) -> classified.valueSerde().serializer().serialize(classified.name(), (FeedbackClassified) value), "escalate");
        topology.addSink(ComplaintClockProcessor.REPLY_INDEX_SINK, replyTopics.index(), Serdes.String().serializer(),
                Serdes.String().serializer(), "complaint-clock");

        topology.addSink("feedback-classified-sink", topics.feedbackClassified().name(), Serdes.String().serializer(),
                topics.feedbackClassified().valueSerde().serializer(), "classify");
        topology.addSink(ComplaintClockProcessor.ESCALATED_SINK, topics.complaintsEscalated().name(), Serdes.String().serializer(),
                topics.complaintsEscalated().valueSerde().serializer(), "complaint-clock");
        topology.addSink(ComplaintClockProcessor.RESPONSE_DUE_SINK, topics.responseDue().name(), Serdes.String().serializer(),
                topics.responseDue().valueSerde().serializer(), "complaint-clock");
        topology.addSink(ComplaintClockProcessor.STATE_SINK, topics.complaintsState().name(), Serdes.String().serializer(),
                topics.complaintsState().valueSerde().serializer(), "complaint-clock");

        topology.addSink(ComplaintClockProcessor.UPDATED_SINK, updated.name(), Serdes.String().serializer(),
                updated.valueSerde().serializer(), "complaint-clock");

        topology.addStateStore(dedupeStore(settings.dedupeRetention()), "dedupe");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.OPEN_CLOCKS),
                Serdes.String(), OpenComplaintSerde.serde()), "complaint-clock");
        // Derived from the open clocks when the task starts (ClockStore.rebuildIndex): no changelog, no RocksDB.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.DUE_INDEX),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled(), "complaint-clock");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PROMISES),
                Serdes.String(), AcknowledgedComplaintSerde.serde()), "complaint-clock");
        // Derived from the promises when the task starts (PromiseStore.rebuildIndex), as the clocks' index is.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.PROMISE_DUE_INDEX),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled(), "complaint-clock");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RESOLUTION_CLOCKS),
                Serdes.String(), ResolutionClockSerde.serde()), "complaint-clock");
        // Derived from the resolution clocks when the task starts (ResolutionStore.rebuildIndex), as the other indexes are.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.RESOLUTION_DUE_INDEX),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled(), "complaint-clock");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EARLY_ACKS),
                Serdes.String(), EarlyAcks.Remembered.serde()), "complaint-clock");

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REPLIES),
                Serdes.String(), RepliesSerde.serde()), "complaint-clock");
        // Every instance holds the whole index, so that a reply finds its complaint whatever partition it arrives on; its
        // topic is its changelog. Small: an entry per open complaint and per way its customer is known with a reference.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.REPLY_INDEX),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                "reply-index-source", Serdes.String().deserializer(), Serdes.String().deserializer(), replyTopics.index(),
                "reply-index", () -> new StateViewProcessor<>(StoreNames.REPLY_INDEX));

        topology.addReadOnlyStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.STATE_VIEW),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                "complaints-state-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.complaintsState().name(), "complaints-state-view", () -> new StateViewProcessor<byte[]>(StoreNames.STATE_VIEW));
        return topology;
    }

    /**
     * Known problems: {@code problems.updated} (keyed by the problem id) → {@code problem-links} with its store → each fix
     * owed to a linked complaint on {@code problems.fixes} (keyed by the complaint id), read back by a source of the
     * complaint clock, which is co-partitioned with the complaint's other inputs. Returns that source's name.
     */
    private static String addProblemLinks(Topology topology, HeedTopics topics) {
        var problems = topics.problemsUpdated();
        var fixes = topics.problemsFixes();
        topology.addSource("problems-updated-source", problems.keySerde().deserializer(),
                EventRequired.of(problems.valueSerde().deserializer()), problems.name());
        topology.addProcessor("problem-links", ProblemLinksProcessor::new, "problems-updated-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PROBLEM_LINKS),
                Serdes.String(), ProblemLinksSerde.serde()), "problem-links");
        topology.addSink("problems-fixes-sink", fixes.name(), Serdes.String().serializer(), fixes.valueSerde().serializer(),
                "problem-links");
        topology.addSource("problems-fixes-source", fixes.keySerde().deserializer(),
                ClockInput.fixes(EventRequired.of(fixes.valueSerde().deserializer())), fixes.name());
        return "problems-fixes-source";
    }

    // A window store forgets by dropping whole segments once they fall out of the retention: no purge scan.
    private static StoreBuilder<?> dedupeStore(Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.DEDUPE, retention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long());
    }
}
