package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.ingest.problem.HttpLayerProblems;
import dev.heed.runtime.http.Problem;
import dev.heed.ingest.problem.Problems;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the routes' failures are answered: a {@link ProblemException} as its problem, anything unexpected as a
 * logged 500, a path no route serves as 404, and a known path asked with a method it does not serve as 405
 * with {@code Allow} (or, for OPTIONS, 204 with {@code Allow}). Errors Jetty finds before Javalin runs are
 * {@link ProblemErrorHandler}'s.
 */
final class ErrorRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorRoutes.class);

    private final Responses responses;
    private final AllowedMethods allowed;

    ErrorRoutes(Responses responses, AllowedMethods allowed) {
        this.responses = responses;
        this.allowed = allowed;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.exception(ProblemException.class, (e, ctx) -> responses.problem(ctx, e.problem()));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> responses.problem(ctx,
                Problem.of(e.getStatus(), "http-" + e.getStatus(), String.valueOf(e.getMessage()), String.valueOf(e.getMessage()))));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.atError().setCause(e).addKeyValue("path", ctx.path()).log("request failed");
            responses.problem(ctx, Problems.internal());
        });
        cfg.routes.error(404, this::notMatched);
    }

    private void notMatched(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() != null) {
            return;
        }
        Optional<String> methods = allowed.of(ctx.path());
        if (methods.isEmpty()) {
            responses.problem(ctx, Problems.notFound(ctx.path()));
            return;
        }
        ctx.header("Allow", methods.get());
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.status(204).result("");
            return;
        }
        responses.problem(ctx, HttpLayerProblems.methodNotAllowed(ctx.method().name(), ctx.path(), methods.get()));
    }
}
