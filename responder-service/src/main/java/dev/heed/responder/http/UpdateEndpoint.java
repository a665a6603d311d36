package dev.heed.responder.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.AckException;
import dev.heed.responder.ack.Updater;
import dev.heed.runtime.auth.Principal;
import dev.heed.runtime.auth.TokenStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/complaints/{id}/updates}, {@code .../resolution}, {@code .../reopenings}, {@code .../wait-on-customer},
 * {@code .../wait-on-third-party} and {@code .../resumption}: 201 with the update once it is written to
 * complaints.updated, as action UPDATE, RESOLVE, REOPEN, WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY or RESUME. The same checks, in the same order and with
 * the same problem documents, as {@link AckEndpoint} (401, 413, 415, 400, 404, 403, 503), and 409 for an update of a
 * complaint nobody has acknowledged yet, a resolution of a resolved complaint, a reopening of one that is not
 * resolved, a wait on a resolved complaint, or a resumption of one nobody acknowledged or that is resolved. The responder's consumer gives the message to the customer once it reads it back.
 */
public final class UpdateEndpoint {
    static final String PATH = "/v1/complaints/{id}/updates";
    static final String RESOLUTION_PATH = "/v1/complaints/{id}/resolution";
    static final String REOPENINGS_PATH = "/v1/complaints/{id}/reopenings";
    static final String WAIT_ON_CUSTOMER_PATH = "/v1/complaints/{id}/wait-on-customer";
    static final String WAIT_ON_THIRD_PARTY_PATH = "/v1/complaints/{id}/wait-on-third-party";
    static final String RESUMPTION_PATH = "/v1/complaints/{id}/resumption";

    private final Updater updater;
    private final TokenStore tokens;
    private final ObjectMapper json;
    private final ObjectReader bodies;
    private final Clock clock;

    public UpdateEndpoint(Updater updater, TokenStore tokens, ObjectMapper json, Clock clock) {
        this.updater = updater;
        this.tokens = tokens;
        this.json = json;
        this.bodies = AckBody.strictReader(json);
        this.clock = clock;
    }

    void handle(Context ctx) throws Exception {
        handle(ctx, UpdateAction.UPDATE);
    }

    /** The handler of the route that writes {@code action}: a resolution, reopening, wait or resumption. */
    Handler as(UpdateAction action) {
        return ctx -> handle(ctx, action);
    }

    private void handle(Context ctx, UpdateAction action) throws Exception {
        Principal who = AckEndpoint.authenticate(tokens, ctx.header("Authorization"));
        byte[] body = AckEndpoint.jsonBody(ctx);
        ComplaintUpdated update;
        try {
            update = updater.act(action, ctx.pathParam("id"), who, UpdateBody.parse(bodies, body, clock.instant(), action));
        } catch (AckException e) {
            throw AckEndpoint.problem(e);
        }
        ctx.status(201).contentType("application/json").result(json.writeValueAsString(view(update)));
    }

    private static Map<String, Object> view(ComplaintUpdated update) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("complaintId", update.getComplaintId());
        view.put("updateId", update.getUpdateId());
        view.put("agent", update.getAgent());
        view.put("team", update.getTeam());
        view.put("updatedAt", update.getUpdatedAt().toString());
        view.put("message", update.getMessage());
        view.put("nextUpdateBy", update.getNextUpdateBy() == null ? null : update.getNextUpdateBy().toString());
        view.put("delay", update.getDelay());
        view.put("action", update.getAction().name());
        return view;
    }
}
