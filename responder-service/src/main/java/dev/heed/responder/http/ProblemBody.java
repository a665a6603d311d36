package dev.heed.responder.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heed.events.ProblemAction;
import dev.heed.responder.ack.ProblemRequest;
import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the body of a problem action, as strictly as {@link AckBody}: a link needs {@code complaintId}
 * (1–200), a resolution {@code message} (1–4000, what every linked customer reads); {@code agent} (1–100) and
 * {@code eventId} (1–100, the client's idempotency key) are optional everywhere. An unlink's complaint is in its path
 * and its body may be left out. The problem id (1–100, in the path) is checked here too.
 */
final class ProblemBody {
    private static final Set<String> LINK = Set.of("agent", "complaintId", "eventId");
    private static final Set<String> UNLINK = Set.of("agent", "eventId");
    private static final Set<String> RESOLVE = Set.of("agent", "message", "eventId");

    private ProblemBody() {}

    static ProblemRequest parse(ObjectReader json, byte[] body, ProblemAction action, String problemId, String pathComplaintId) {
        List<Problem.Error> errors = new ArrayList<>();
        if (problemId.isBlank() || problemId.length() > 100) {
            errors.add(new Problem.Error("/problemId", "the problem id in the path must be 1 to 100 characters"));
        }
        JsonNode root = body.length == 0 ? null : AckBody.object(json, body);
        if (root != null) {
            errors.addAll(AckBody.unknownFields(root, action == ProblemAction.LINK ? LINK : action == ProblemAction.UNLINK ? UNLINK : RESOLVE));
        }
        String agent = root == null ? null : AckBody.text(root, "agent", 1, 100, errors);
        String eventId = root == null ? null : AckBody.text(root, "eventId", 1, 100, errors);
        String complaintId = pathComplaintId;
        String message = null;
        if (action == ProblemAction.LINK) {
            complaintId = root == null ? null : AckBody.text(root, "complaintId", 1, 200, errors);
            required(root, "complaintId", complaintId, errors);
        } else if (action == ProblemAction.RESOLVE) {
            message = root == null ? null : AckBody.text(root, "message", 1, 4000, errors);
            required(root, "message", message, errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request has invalid fields", errors));
        }
        return new ProblemRequest(agent, complaintId, message, eventId);
    }

    private static void required(JsonNode root, String field, String value, List<Problem.Error> errors) {
        if (value == null && (root == null || !root.hasNonNull(field))) {
            errors.add(new Problem.Error("/" + field, "is required"));
        }
    }
}
