package dev.heed.cli;

import dev.heed.schemas.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Every topic that can hold one customer's records, what it holds, and how those records go away. All are keyed
 * by the feedback id, some with the id inside a longer store key (see {@link KeyLayout}). Routing's changelogs are
 * named {@code <application id>-<store>-changelog}.
 */
final class PersonalDataTopics {

    /** How a topic's records of one customer are removed. */
    enum Erasure {
        /** A delete-policy topic: records go when {@code retention.ms} has passed; Kafka cannot delete single records. */
        RETENTION,
        /** A compacted topic Heed writes from outside Streams: {@code heed erase} writes a tombstone per key. */
        TOMBSTONE,
        /**
         * A changelog of routing's own stores. Only routing writes it, because a record written there from outside
         * would be overwritten by (or overwrite) the live store; routing deletes the entries when the complaint is
         * acknowledged, and the window stores drop them after their retention.
         */
        ROUTING
    }

    /** Where the feedback id sits in a topic's key bytes. */
    enum KeyLayout {
        /** The key is the id (UTF-8). */
        PLAIN,
        /** Routing's due index: an 8-byte due time, then the id. */
        DUE_INDEX,
        /** A Streams window-store changelog: the id, then an 8-byte window start and a 4-byte sequence number. */
        WINDOWED;

        String id(byte[] key) {
            if (key == null) {
                return null;
            }
            return switch (this) {
                case PLAIN -> new String(key, StandardCharsets.UTF_8);
                case DUE_INDEX -> key.length <= 8 ? null : new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
                case WINDOWED -> key.length <= 12 ? null : new String(Arrays.copyOf(key, key.length - 12), StandardCharsets.UTF_8);
            };
        }
    }

    record Entry(String topic, String holds, Erasure erasure, KeyLayout layout) {}

    private PersonalDataTopics() {}

    /**
     * @param suffix        {@code HEED_TOPIC_SUFFIX}, as the services add it to every topic name
     * @param routingAppId  routing's Kafka Streams application id, the prefix of its changelogs
     */
    static List<Entry> all(String suffix, String routingAppId) {
        String changelog = routingAppId + "-%s-changelog";
        return List.of(
                new Entry(TopicNames.FEEDBACK_RECEIVED + suffix, "customer id, name, e-mail, phone; subject and text", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.FEEDBACK_CLASSIFIED + suffix, "the feedback again, with evidence spans of its text", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.COMPLAINTS_ESCALATED + suffix, "customer, subject, text and the reasons", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.RESPONSES_SENT + suffix, "the recipient's address", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.COMPLAINTS_ACKNOWLEDGED + suffix, "the agent's free-text note", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.COMPLAINTS_UPDATED + suffix, "the update's message to the customer and the agent's name", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.PROBLEMS_FIXES + suffix, "a problem's resolution message for the complaint and the agent's name",
                        Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.COMPLAINTS_RESPONSE_DUE + suffix, "ids, times and levels only", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.ROUTING_DLQ + suffix, "raw bytes of any of the above", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.RESPONDER_DLQ + suffix, "raw bytes of any of the above", Erasure.RETENTION, KeyLayout.PLAIN),
                new Entry(TopicNames.COMPLAINTS_STATE + suffix, "ids, times and the acknowledging agent's name", Erasure.TOMBSTONE, KeyLayout.PLAIN),
                new Entry(changelog.formatted("sla-open-clocks-store"), "the open clock: ids, times, severity, queue, trace id", Erasure.ROUTING, KeyLayout.PLAIN),
                new Entry(changelog.formatted("sla-due-index-store"), "due times and ids, from routing before it derived the index (no longer written: delete the topic)",
                        Erasure.ROUTING, KeyLayout.DUE_INDEX),
                new Entry(changelog.formatted("sla-promises-store"),
                        "an acknowledged complaint's clock as it stopped, who acknowledged it, its promise times and counts", Erasure.ROUTING,
                        KeyLayout.PLAIN),
                new Entry(changelog.formatted("sla-resolution-clocks-store"),
                        "a complaint's resolution clock: ids, its policy's resolution target, times and counts", Erasure.ROUTING, KeyLayout.PLAIN),
                new Entry(changelog.formatted("sla-early-acks-kv-store"), "an early acknowledgement's time and agent name", Erasure.ROUTING, KeyLayout.PLAIN),
                new Entry(changelog.formatted("sla-early-acks-store"),
                        "an early acknowledgement's time and agent name, from routing before early acks were a key-value store (no longer written: delete the topic)",
                        Erasure.ROUTING, KeyLayout.WINDOWED),
                new Entry(changelog.formatted("feedback-dedupe-store"), "ids and times", Erasure.ROUTING, KeyLayout.WINDOWED));
    }
}
