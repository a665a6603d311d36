package dev.heed.responder.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.runtime.http.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.responder.ack.AckException;
import dev.heed.responder.ack.AckRequest;
import dev.heed.responder.ack.Acknowledger;
import dev.heed.runtime.auth.Principal;
import dev.heed.runtime.auth.TokenStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/complaints/{id}/acknowledgements}: 201 with the acknowledgement when this request made
 * it, 200 with the acknowledgement in force when the complaint was already acknowledged. Checks, in order:
 * 401 without a valid bearer token, 413 for a body over 16 KiB, 415 for a body that is not JSON, 400 for
 * malformed JSON (duplicate keys and trailing bytes included) or bad fields, 404 for an unknown complaint, 403
 * for an agent token naming another agent (whether or not the complaint is acknowledged already), 503 with
 * Retry-After when Kafka does not take the write.
 */
public final class AckEndpoint {
    static final String PATH = "/v1/complaints/{id}/acknowledgements";
    private static final int MAX_BODY = 16 * 1024;

    private final Acknowledger acknowledger;
    private final TokenStore tokens;
    private final ObjectMapper json;
    private final ObjectReader bodies;
    private final Clock clock;

    public AckEndpoint(Acknowledger acknowledger, TokenStore tokens, ObjectMapper json, Clock clock) {
        this.acknowledger = acknowledger;
        this.tokens = tokens;
        this.json = json;
        this.bodies = AckBody.strictReader(json);
        this.clock = clock;
    }

    void handle(Context ctx) throws Exception {
        Principal who = authenticate(tokens, ctx.header("Authorization"));
        byte[] body = jsonBody(ctx);
        AckRequest request = AckBody.parse(bodies, body, clock.instant());
        Acknowledger.Result result;
        try {
            result = acknowledger.acknowledge(ctx.pathParam("id"), who, request);
        } catch (AckException e) {
            throw problem(e);
        }
        ctx.status(result.created() ? 201 : 200).contentType("application/json")
                .result(json.writeValueAsString(view(result.acknowledgement(), result.created())));
    }

    /** The body, refused with 413 over {@value #MAX_BODY} bytes and with 415 when it is not declared JSON; shared with {@link UpdateEndpoint}. */
    static byte[] jsonBody(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            throw new ProblemException(Problem.of(413, "body-too-large", "The body is too large", "at most " + MAX_BODY + " bytes"));
        }
        String contentType = ctx.contentType();
        if (body.length > 0 && (contentType == null || !contentType.toLowerCase().startsWith("application/json"))) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "The body must be application/json",
                    "got " + contentType));
        }
        return body;
    }

    /** The bearer token's principal, or 401; shared with {@link UpdateEndpoint}. */
    static Principal authenticate(TokenStore tokens, String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw unauthorized("a bearer token is required");
        }
        return tokens.authenticate(authorization.substring(prefix.length()).trim())
                .orElseThrow(() -> unauthorized("the token is not valid"));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Authentication required", detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"heed\""));
    }

    /** The problem document for a refusal; shared with {@link UpdateEndpoint}. */
    static ProblemException problem(AckException e) {
        return switch (e.reason()) {
            case UNKNOWN_COMPLAINT -> new ProblemException(Problem.of(404, "unknown-complaint", "No such complaint", e.getMessage()));
            case FORBIDDEN -> new ProblemException(Problem.of(403, "forbidden", "Not allowed for this token", e.getMessage()));
            case AGENT_REQUIRED -> new ProblemException(Problem.invalid("The request has invalid fields",List.of(new Problem.Error("/agent", e.getMessage()))));
            case NOT_ACKNOWLEDGED -> new ProblemException(Problem.of(409, "not-acknowledged", "The complaint is not acknowledged yet",
                    e.getMessage()));
            case ALREADY_RESOLVED -> new ProblemException(Problem.of(409, "already-resolved", "The complaint is resolved already",
                    e.getMessage()));
            case NOT_RESOLVED -> new ProblemException(Problem.of(409, "not-resolved", "The complaint is not resolved", e.getMessage()));
            case UNAVAILABLE -> new ProblemException(Problem.of(503, "unavailable", "Cannot record it now",
                    e.getMessage()), Map.of("Retry-After", "5"));
        };
    }

    private static Map<String, Object> view(ComplaintAcknowledged ack, boolean created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("complaintId", ack.getComplaintId());
        view.put("acknowledgementId", ack.getAcknowledgementId());
        view.put("agent", ack.getAgent());
        view.put("team", ack.getTeam());
        view.put("acknowledgedAt", ack.getAcknowledgedAt().toString());
        view.put("source", ack.getSource().name());
        view.put("note", ack.getNote());
        view.put("nextUpdateBy", ack.getNextUpdateBy() == null ? null : ack.getNextUpdateBy().toString());
        view.put("created", created);
        return view;
    }
}
