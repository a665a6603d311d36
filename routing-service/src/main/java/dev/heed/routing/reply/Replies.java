package dev.heed.routing.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What routing keeps of one complaint's conversation: the reference keys it is indexed under (so that they can be
 * removed from the index when it is resolved, and added again when it is reopened) and the replies attached to it.
 *
 * @param referenceKeys its {@link ReplyKeys#references reference keys}, empty when its feedback named no reference
 * @param count         replies attached
 * @param negative      of those, the negative ones
 * @param last          the last reply, null while none came
 */
public record Replies(List<String> referenceKeys, int count, int negative, CustomerReply last) {

    public Replies {
        referenceKeys = List.copyOf(Objects.requireNonNull(referenceKeys, "referenceKeys"));
        if (count < 0 || negative < 0 || negative > count) {
            throw new IllegalArgumentException("reply counts must satisfy 0 <= negative <= count: " + negative + ", " + count);
        }
    }

    /** A complaint indexed under {@code referenceKeys}, no reply yet. */
    public static Replies indexed(List<String> referenceKeys) {
        return new Replies(referenceKeys, 0, 0, null);
    }

    /** With {@code reply} attached: counted, and the last one. */
    public Replies with(CustomerReply reply) {
        return new Replies(referenceKeys, count + 1, negative + (reply.negative() ? 1 : 0), reply);
    }

    /** When the last reply came, null while none did. */
    public Instant lastAt() {
        return last == null ? null : last.at();
    }
}
