package dev.heed.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of a Javalin app as a {@link Problem}: a {@link ProblemException} as it says, any other exception as
 * a 500 that points at the log, an unknown path as a 404. The ingest-service, whose server answers more of HTTP's
 * errors itself, writes the same documents through {@link #write}.
 */
public final class ProblemRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemRoutes.class);
    private static final String WRITTEN = "heed.problem-written";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemRoutes() {}

    public static void register(JavalinConfig config) {
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem().at(ctx.path()), e));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, Problem.of(500, "internal", "Internal error", "see the service log").at(ctx.path()), null);
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
                write(ctx, Problem.of(404, "not-found", "Not found", "no such resource").at(ctx.path()), null);
            }
        });
    }

    /** Writes {@code problem} as the response, with {@code Retry-After} when it has one. */
    public static void write(Context ctx, Problem problem) {
        write(ctx, problem, null);
    }

    private static void write(Context ctx, Problem problem, ProblemException thrown) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (thrown != null) {
            thrown.headers().forEach(ctx::header);
        }
        if (problem.retryAfter() != null) {
            ctx.header("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(bytes(problem));
    }

    /** A problem document's bytes. */
    public static byte[] bytes(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be rendered as JSON", e);
        }
    }
}
