package dev.heed.responder.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's HTTP face: the acknowledge API, health and metrics (beside it, or on an operations port of
 * their own), and whatever else is added (the operator console). Every error is a problem+json document,
 * unknown paths included.
 */
public final class HttpApp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    private static final String PROBLEM_WRITTEN = "heed.problem-written";

    private HttpApp() {}

    /**
     * What operators and orchestrators ask: health and metrics.
     *
     * @param live  false once the service cannot do its work any more (the consumer stopped on an error)
     * @param ready true once it consumes and knows what was sent and which complaints exist
     */
    public record Ops(PrometheusMeterRegistry metrics, BooleanSupplier live, BooleanSupplier ready) {}

    /** The acknowledge API with health and metrics beside it. */
    public static Javalin create(AckEndpoint ack, PrometheusMeterRegistry metrics, BooleanSupplier live,
                                 BooleanSupplier ready, ObjectMapper json) {
        return create(ack, Optional.of(new Ops(metrics, live, ready)), json, config -> { });
    }

    /**
     * The acknowledge API and {@code more}, with health and metrics only when {@code ops} is given (without
     * them, they are served by {@link #ops(Ops, ObjectMapper)} on a port of their own).
     */
    public static Javalin create(AckEndpoint ack, Optional<Ops> ops, ObjectMapper json, Consumer<JavalinConfig> more) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            more.accept(config);
            config.routes.post(AckEndpoint.PATH, ack::handle);
            ops.ifPresent(o -> opsRoutes(config, o));
            problems(config, json);
        });
    }

    /** Health and metrics alone, for an operations port that the public API does not share. */
    public static Javalin ops(Ops ops, ObjectMapper json) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            opsRoutes(config, ops);
            problems(config, json);
        });
    }

    private static void opsRoutes(JavalinConfig config, Ops ops) {
        config.routes.get("/health/live", ctx -> health(ctx, ops.live().getAsBoolean()));
        config.routes.get("/health/ready", ctx -> health(ctx, ops.ready().getAsBoolean()));
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(ops.metrics().scrape()));
    }

    private static void problems(JavalinConfig config, ObjectMapper json) {
        config.routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e, json));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new ProblemException(Problem.of(500, "internal", "Internal error", "see the service log", ctx.path())), json);
        });
        config.routes.error(404, "*", ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                write(ctx, new ProblemException(Problem.of(404, "not-found", "Not found", "no such resource", ctx.path())), json);
            }
        });
    }

    private static void health(Context ctx, boolean up) {
        ctx.status(up ? 200 : 503).contentType("application/json").result(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    private static void write(Context ctx, ProblemException e, ObjectMapper json) {
        ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
        e.headers().forEach(ctx::header);
        try {
            ctx.status(e.problem().status()).contentType("application/problem+json").result(json.writeValueAsString(e.problem()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            ctx.status(500).result("{}");
        }
    }
}
