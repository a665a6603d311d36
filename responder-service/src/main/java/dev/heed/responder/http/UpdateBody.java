package dev.heed.responder.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.UpdateRequest;
import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemException;
import dev.heed.schemas.topics.TopicNames;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks an update body: {@code message} (required, 1–4000 chars: what the customer reads), {@code agent}
 * (1–100), {@code nextUpdateBy} (an ISO-8601 instant in the future), {@code delay} (a boolean; true only with a
 * {@code nextUpdateBy}: the update only moves the promised time), {@code updateId} (1–100, the client's idempotency
 * key); for a resolution or reopening, see {@link #parse(ObjectReader, byte[], Instant, UpdateAction)}. The same strict
 * reading as {@link AckBody}: every bad field reported, unknown fields, duplicate keys and
 * trailing bytes refused.
 */
final class UpdateBody {
    private static final Set<String> FIELDS = Set.of("agent", "message", "nextUpdateBy", "delay", "updateId");

    private UpdateBody() {}

    static UpdateRequest parse(ObjectReader json, byte[] body, Instant now) {
        return parse(json, body, now, UpdateAction.UPDATE);
    }

    /**
     * The body of an update, a resolution or a reopening ({@code action}): the same fields, except that a resolution
     * promises nothing ({@code nextUpdateBy} and {@code delay} refused) and a reopening has no promise to move
     * ({@code delay} refused; it may promise the next update).
     */
    static UpdateRequest parse(ObjectReader json, byte[] body, Instant now, UpdateAction action) {
        if (body.length == 0) {
            throw new ProblemException(Problem.invalid("The request has invalid fields", List.of(new Problem.Error("/message", "is required"))));
        }
        JsonNode root = AckBody.object(json, body);
        List<Problem.Error> errors = AckBody.unknownFields(root, FIELDS);
        if (action == UpdateAction.RESOLVE && root.has("nextUpdateBy")) {
            errors.add(new Problem.Error("/nextUpdateBy", "a resolution promises no next update (reopen it to promise one)"));
        }
        if (action != UpdateAction.UPDATE && root.has("delay")) {
            errors.add(new Problem.Error("/delay", "only an update moves a promised time"));
        }
        String agent = AckBody.text(root, "agent", 1, 100, errors);
        String message = AckBody.text(root, "message", 1, 4000, errors);
        if (message == null && !root.hasNonNull("message")) {
            errors.add(new Problem.Error("/message", "is required"));
        }
        Instant nextUpdateBy = action == UpdateAction.RESOLVE ? null : AckBody.instant(root, "nextUpdateBy", now, errors);
        String updateId = AckBody.text(root, "updateId", 1, 100, errors);
        // Routing writes those itself (a known problem's fixes, automatic closes) and skips them when it reads them back.
        TopicNames.routingUpdatePrefix(updateId).ifPresent(prefix -> errors.add(new Problem.Error("/updateId",
                "must not start with \"" + prefix + "\": those are " + TopicNames.ROUTING_UPDATE_PREFIXES.get(prefix)
                        + ", named by routing")));
        boolean delay = false;
        JsonNode delayNode = root.get("delay");
        if (action == UpdateAction.UPDATE && delayNode != null && !delayNode.isNull()) {
            if (!delayNode.isBoolean()) {
                errors.add(new Problem.Error("/delay", "must be true or false"));
            } else {
                delay = delayNode.booleanValue();
                if (delay && !root.hasNonNull("nextUpdateBy")) {
                    errors.add(new Problem.Error("/delay", "a delay needs the new nextUpdateBy"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields", errors));
        }
        return new UpdateRequest(agent, message, nextUpdateBy, delay, updateId);
    }
}
