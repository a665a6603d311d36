package dev.heed.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.ingest.intake.Outcome;
import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemRoutes;
import io.javalin.http.Context;

/** Writes answers: accepted feedback as JSON, refusals as RFC 9457 problem details. */
final class Responses {
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ObjectMapper json;

    Responses(ObjectMapper json) {
        this.json = json;
    }

    void outcome(Context ctx, Outcome outcome) {
        if (outcome.problem() != null) {
            problem(ctx, outcome.problem());
            return;
        }
        if (outcome.replayed()) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        json(ctx, 202, outcome.accepted());
    }

    void problem(Context ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"heed-ingest\"");
        }
        ProblemRoutes.write(ctx, problem);
    }

    void json(Context ctx, int status, Object body) {
        write(ctx, status, "application/json", body);
    }

    private void write(Context ctx, int status, String contentType, Object body) {
        ctx.status(status).contentType(contentType).result(bytes(body));
    }

    /** An answer's body as JSON. */
    byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be rendered as JSON", e);
        }
    }
}
