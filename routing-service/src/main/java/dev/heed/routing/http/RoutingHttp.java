package dev.heed.routing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.schemas.auth.TokenStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The routing service's HTTP surface: complaint queries ({@code GET /v1/complaints/{id}},
 * {@code GET /v1/complaints/overdue}; {@code ?local=true} answers from this instance only, which is how
 * instances ask each other), which need an agent or team bearer token of the acknowledge API; and health
 * (ready only while Streams is RUNNING) and Prometheus metrics, open, on the main port or, when an ops port is
 * given, only there.
 */
public final class RoutingHttp implements AutoCloseable {

    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    private final Javalin api;
    private final Javalin ops;

    private RoutingHttp(Javalin api, Javalin ops) {
        this.api = api;
        this.ops = ops;
    }

    /** The ports and the address both listen on; {@code opsPort} empty serves health and metrics on {@code port}. */
    public record Listen(String host, int port, OptionalInt opsPort) {}

    public static RoutingHttp start(Listen listen, Supplier<KafkaStreams.State> state, ComplaintLookup lookup,
                                    RoutingMetrics metrics, ObjectMapper json, TokenStore tokens) {
        Javalin api = Javalin.create(config -> {
            bind(config, listen.host(), listen.port());
            if (listen.opsPort().isEmpty()) {
                opsRoutes(config, state, metrics);
            }
            config.routes.get("/v1/complaints/overdue", ctx -> {
                String credential = authorized(ctx, tokens);
                json(ctx, json, lookup.overdue(local(ctx), credential));
            });
            config.routes.get("/v1/complaints/{id}", ctx -> {
                String credential = authorized(ctx, tokens);
                lookup.state(ctx.pathParam("id"), local(ctx), credential).ifPresentOrElse(
                        found -> json(ctx, json, found),
                        () -> problem(ctx, 404, "complaint not found", "no instance holds complaint " + ctx.pathParam("id")));
            });
            config.routes.exception(UnauthorizedException.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"heed\"");
                problem(ctx, 401, "authentication required", e.getMessage());
            });
            config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "stores are not queryable now"));
            config.routes.exception(NotAnswerableNowException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        }).start();
        if (listen.opsPort().isEmpty()) {
            return new RoutingHttp(api, null);
        }
        try {
            return new RoutingHttp(api, Javalin.create(config -> {
                bind(config, listen.host(), listen.opsPort().getAsInt());
                opsRoutes(config, state, metrics);
            }).start());
        } catch (RuntimeException e) {
            api.stop(); // the ops port is taken, say: leave nothing listening behind
            throw e;
        }
    }

    public int port() {
        return api.port();
    }

    /** The port health and metrics are served on: the ops port when there is one. */
    public int opsPort() {
        return ops == null ? api.port() : ops.port();
    }

    private static void bind(JavalinConfig config, String host, int port) {
        config.startup.showJavalinBanner = false;
        config.jetty.host = host;
        config.jetty.port = port;
    }

    private static void opsRoutes(JavalinConfig config, Supplier<KafkaStreams.State> state, RoutingMetrics metrics) {
        config.routes.get("/health/live", ctx -> health(ctx, state.get() != KafkaStreams.State.ERROR, state.get()));
        config.routes.get("/health/ready", ctx -> health(ctx, state.get() == KafkaStreams.State.RUNNING, state.get()));
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    /** The request's Authorization header, once its bearer token is one of the configured tokens. */
    private static String authorized(Context ctx, TokenStore tokens) {
        String authorization = ctx.header("Authorization");
        if (TokenStore.bearerToken(authorization).isEmpty()) {
            throw new UnauthorizedException("a bearer token is required");
        }
        if (tokens.authenticateHeader(authorization).isEmpty()) {
            throw new UnauthorizedException("the token is not valid");
        }
        return authorization;
    }

    private static boolean local(Context ctx) {
        return Boolean.parseBoolean(ctx.queryParam("local"));
    }

    // Rebalancing and restoring are normal and short: say so, and when to ask again.
    private static void unavailable(Context ctx, String detail) {
        ctx.header("Retry-After", "1");
        problem(ctx, 503, "try again shortly", detail);
    }

    private static void problem(Context ctx, int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        ctx.status(status);
        json(ctx, PROBLEMS, problem);
        ctx.contentType("application/problem+json");
    }

    private static void health(Context ctx, boolean healthy, KafkaStreams.State state) {
        ctx.status(healthy ? 200 : 503).contentType("application/json").result("{\"streams\":\"" + state + "\"}");
    }

    private static void json(Context ctx, ObjectMapper json, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        api.stop();
        if (ops != null) {
            ops.stop();
        }
    }
}
