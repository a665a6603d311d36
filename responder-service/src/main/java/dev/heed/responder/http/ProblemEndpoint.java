package dev.heed.responder.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.responder.ack.AckException;
import dev.heed.responder.ack.ProblemDesk;
import dev.heed.responder.ack.ProblemRequest;
import dev.heed.runtime.auth.Principal;
import dev.heed.runtime.auth.TokenStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/problems/{problemId}/links}, {@code DELETE /v1/problems/{problemId}/links/{complaintId}} and
 * {@code POST /v1/problems/{problemId}/resolve}: 201 with the action once it is written to problems.updated. The same
 * checks, in the same order and with the same problem documents, as {@link AckEndpoint} (401, 413, 415, 400, 404, 403,
 * 503), and 409 for a link of a complaint that is resolved already. Routing sends the fix to the linked complaints.
 */
public final class ProblemEndpoint {
    static final String LINKS_PATH = "/v1/problems/{problemId}/links";
    static final String LINK_PATH = "/v1/problems/{problemId}/links/{complaintId}";
    static final String RESOLVE_PATH = "/v1/problems/{problemId}/resolve";

    private final ProblemDesk desk;
    private final TokenStore tokens;
    private final ObjectMapper json;
    private final ObjectReader bodies;

    public ProblemEndpoint(ProblemDesk desk, TokenStore tokens, ObjectMapper json) {
        this.desk = desk;
        this.tokens = tokens;
        this.json = json;
        this.bodies = AckBody.strictReader(json);
    }

    void link(Context ctx) throws Exception {
        handle(ctx, ProblemAction.LINK);
    }

    void unlink(Context ctx) throws Exception {
        handle(ctx, ProblemAction.UNLINK);
    }

    void resolve(Context ctx) throws Exception {
        handle(ctx, ProblemAction.RESOLVE);
    }

    private void handle(Context ctx, ProblemAction action) throws Exception {
        Principal who = AckEndpoint.authenticate(tokens, ctx.header("Authorization"));
        byte[] body = AckEndpoint.jsonBody(ctx);
        String problemId = ctx.pathParam("problemId");
        ProblemRequest request = ProblemBody.parse(bodies, body, action, problemId,
                action == ProblemAction.UNLINK ? ctx.pathParam("complaintId") : null);
        ProblemUpdated event;
        try {
            event = switch (action) {
                case LINK -> desk.link(problemId, who, request);
                case UNLINK -> desk.unlink(problemId, who, request);
                default -> desk.resolve(problemId, who, request);
            };
        } catch (AckException e) {
            throw AckEndpoint.problem(e);
        }
        ctx.status(201).contentType("application/json").result(json.writeValueAsString(view(event)));
    }

    private static Map<String, Object> view(ProblemUpdated event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("problemId", event.getProblemId());
        view.put("eventId", event.getEventId());
        view.put("action", event.getAction().name());
        view.put("complaintId", event.getComplaintId());
        view.put("agent", event.getAgent());
        view.put("team", event.getTeam());
        view.put("at", event.getAt().toString());
        view.put("message", event.getMessage());
        return view;
    }
}
