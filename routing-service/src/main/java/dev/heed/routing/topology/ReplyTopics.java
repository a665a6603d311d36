package dev.heed.routing.topology;

import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.TopicSpec;
import dev.heed.schemas.topics.TopicSpec.CleanupPolicy;
import java.util.List;
import java.util.Map;

/**
 * Routing's own topics for customer replies, named after its application id like the changelogs Kafka Streams makes
 * (so routing's ACLs on {@code <application id>-} cover them, and no other service reads them):
 *
 * <ul>
 *   <li>{@code <application id>-reply-index} (compacted): the reply index, keyed by {@code open:<complaint id>} and by
 *       reference digests, each valued with a complaint id; a tombstone removes a key when its complaint is resolved. The
 *       source of the global store {@code reply-index-store}, so every instance can look up any open complaint, whatever
 *       partition a reply arrives on.</li>
 *   <li>{@code <application id>-replies}: a reply on its way from the partition it arrived on (its own event id) to its
 *       complaint's (the complaint id), as {@code feedback.classified} holds it, in the same registry subject. A customer's
 *       text, so it gets the personal-data retention of {@code feedback.classified}; its partition count is
 *       {@code feedback.received}'s, so a complaint's reply lands on the partition of its clock.</li>
 * </ul>
 *
 * @param index   the reply index topic
 * @param replies the replies topic
 */
public record ReplyTopics(String index, String replies) {

    /** The topics of routing running as {@code applicationId} ({@code HEED_ROUTING_APPLICATION_ID}). */
    public static ReplyTopics of(String applicationId) {
        return new ReplyTopics(applicationId + "-reply-index", applicationId + "-replies");
    }

    /** How routing creates them, beside the catalog's topics. */
    public List<TopicSpec> specs(HeedTopics topics) {
        TopicSpec classified = topics.feedbackClassified().spec();
        return List.of(new TopicSpec(index, classified.partitions(), CleanupPolicy.COMPACT, Map.of()),
                new TopicSpec(replies, topics.feedbackReceived().spec().partitions(), CleanupPolicy.DELETE, classified.configs()));
    }
}
