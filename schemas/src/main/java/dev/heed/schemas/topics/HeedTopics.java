package dev.heed.schemas.topics;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseSent;
import dev.heed.schemas.registry.SchemaRegistryClient;
import dev.heed.schemas.serde.AvroSerde;
import dev.heed.schemas.topics.TopicSpec.CleanupPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalog: every Heed topic with its serdes, built once per process and passed to whatever reads
 * or writes them. All topics share one partition count so that the Streams joins need no repartitioning.
 */
public final class HeedTopics {
    public static final int DEFAULT_PARTITIONS = 6;
    private static final String RETENTION_MS = "retention.ms";
    private static final String SEGMENT_MS = "segment.ms";
    /** The longest a personal-data topic's segment stays open (the broker's default is 7 days). */
    public static final Duration MAX_SEGMENT = Duration.ofDays(1);

    private final Topic<String, FeedbackReceived> feedbackReceived;
    private final Topic<String, FeedbackClassified> feedbackClassified;
    private final Topic<String, ComplaintEscalated> complaintsEscalated;
    private final Topic<String, ResponseDue> responseDue;
    private final Topic<String, ComplaintAcknowledged> complaintsAcknowledged;
    private final Topic<String, ComplaintUpdated> complaintsUpdated;
    private final Topic<String, ProblemUpdated> problemsUpdated;
    private final Topic<String, ComplaintUpdated> problemsFixes;
    private final Topic<String, ComplaintState> complaintsState;
    private final Topic<String, ResponseSent> responsesSent;
    private final Topic<byte[], byte[]> routingDlq;
    private final Topic<byte[], byte[]> responderDlq;

    private HeedTopics(SchemaRegistryClient registry, boolean autoRegister, int partitions, String suffix, Duration personalDataRetention) {
        // Topics that hold a customer's contact details or text (or an agent's note about them) keep them no
        // longer than the retention chosen for personal data; Kafka cannot delete single records from them.
        // Retention deletes whole segments, so a segment rolls at least daily (or within the retention, if shorter):
        // a record is gone at most retention + segment.ms after it was written, not whenever a segment fills.
        Map<String, String> personal = personalDataRetention == null ? Map.of()
                : Map.of(RETENTION_MS, String.valueOf(personalDataRetention.toMillis()),
                        SEGMENT_MS, String.valueOf(Math.max(1, Math.min(personalDataRetention.toMillis(), MAX_SEGMENT.toMillis()))));
        feedbackReceived = avro(TopicNames.FEEDBACK_RECEIVED + suffix, FeedbackReceived.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        feedbackClassified = avro(TopicNames.FEEDBACK_CLASSIFIED + suffix, FeedbackClassified.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        complaintsEscalated = avro(TopicNames.COMPLAINTS_ESCALATED + suffix, ComplaintEscalated.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        responseDue = avro(TopicNames.COMPLAINTS_RESPONSE_DUE + suffix, ResponseDue.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, Map.of());
        complaintsAcknowledged = avro(TopicNames.COMPLAINTS_ACKNOWLEDGED + suffix, ComplaintAcknowledged.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        // The update's message is what the customer is told: personal data like the acknowledgement's note.
        complaintsUpdated = avro(TopicNames.COMPLAINTS_UPDATED + suffix, ComplaintUpdated.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        // A problem's resolution is what its customers are told, and a link names a complaint: personal data as updates are.
        problemsUpdated = avro(TopicNames.PROBLEMS_UPDATED + suffix, ProblemUpdated.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        problemsFixes = avro(TopicNames.PROBLEMS_FIXES + suffix, ComplaintUpdated.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        // Compacted: one row per complaint, kept until a tombstone (heed erase) removes it; no contact details or text.
        complaintsState = avro(TopicNames.COMPLAINTS_STATE + suffix, ComplaintState.class, registry, autoRegister, partitions, CleanupPolicy.COMPACT, Map.of());
        responsesSent = avro(TopicNames.RESPONSES_SENT + suffix, ResponseSent.class, registry, autoRegister, partitions, CleanupPolicy.DELETE, personal);
        routingDlq = raw(TopicNames.ROUTING_DLQ + suffix, partitions, personal);
        responderDlq = raw(TopicNames.RESPONDER_DLQ + suffix, partitions, personal);
    }

    /**
     * @param autoRegister whether serializers may register their schema on first write
     * @param partitions   partition count of every topic (the unit of parallelism)
     */
    public static HeedTopics create(SchemaRegistryClient registry, boolean autoRegister, int partitions) {
        return new HeedTopics(registry, autoRegister, partitions, "", null);
    }

    /**
     * The same catalog with every topic name followed by {@code suffix} (e.g. a version {@code .v2}, or a
     * unique run id so tests sharing one broker do not see each other's records).
     */
    public static HeedTopics create(SchemaRegistryClient registry, boolean autoRegister, int partitions, String suffix) {
        return new HeedTopics(registry, autoRegister, partitions, suffix, null);
    }

    /**
     * The same catalog whose topics that hold personal data (a customer's contact details or text, an agent's
     * note, or dead letters of any of them) are created with {@code retention.ms} set to
     * {@code personalDataRetention} and {@code segment.ms} to the shorter of it and {@link #MAX_SEGMENT}; the others
     * keep the broker's default. It applies when a topic is created:
     * an existing topic's retention is changed with {@code kafka-configs --alter}.
     */
    public static HeedTopics create(SchemaRegistryClient registry, boolean autoRegister, int partitions, String suffix,
                                    Duration personalDataRetention) {
        return new HeedTopics(registry, autoRegister, partitions, suffix, Objects.requireNonNull(personalDataRetention));
    }

    public Topic<String, FeedbackReceived> feedbackReceived() { return feedbackReceived; }
    public Topic<String, FeedbackClassified> feedbackClassified() { return feedbackClassified; }
    public Topic<String, ComplaintEscalated> complaintsEscalated() { return complaintsEscalated; }
    public Topic<String, ResponseDue> responseDue() { return responseDue; }
    public Topic<String, ComplaintAcknowledged> complaintsAcknowledged() { return complaintsAcknowledged; }
    public Topic<String, ComplaintUpdated> complaintsUpdated() { return complaintsUpdated; }
    /** Keyed by the problem id. */
    public Topic<String, ProblemUpdated> problemsUpdated() { return problemsUpdated; }
    /** A problem's resolution for one linked complaint, as the {@code ComplaintUpdated} (action RESOLVE) it becomes; keyed by the complaint id. */
    public Topic<String, ComplaintUpdated> problemsFixes() { return problemsFixes; }
    public Topic<String, ComplaintState> complaintsState() { return complaintsState; }
    public Topic<String, ResponseSent> responsesSent() { return responsesSent; }
    public Topic<byte[], byte[]> routingDlq() { return routingDlq; }
    public Topic<byte[], byte[]> responderDlq() { return responderDlq; }

    /** Every topic's creation spec, for {@code TopicEnsure} in the runtime module. */
    public List<TopicSpec> all() {
        return List.of(feedbackReceived.spec(), feedbackClassified.spec(), complaintsEscalated.spec(), responseDue.spec(),
                complaintsAcknowledged.spec(), complaintsUpdated.spec(), problemsUpdated.spec(), problemsFixes.spec(), complaintsState.spec(), responsesSent.spec(), routingDlq.spec(), responderDlq.spec());
    }

    private static <V extends SpecificRecord> Topic<String, V> avro(String name, Class<V> type, SchemaRegistryClient registry,
                                                                  boolean autoRegister, int partitions, CleanupPolicy cleanup,
                                                                  Map<String, String> configs) {
        return new Topic<>(new TopicSpec(name, partitions, cleanup, configs), Serdes.String(), AvroSerde.of(type, registry, autoRegister));
    }

    private static Topic<byte[], byte[]> raw(String name, int partitions, Map<String, String> configs) {
        return new Topic<>(new TopicSpec(name, partitions, CleanupPolicy.DELETE, configs), Serdes.ByteArray(), Serdes.ByteArray());
    }
}
