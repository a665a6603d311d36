package dev.heed.routing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.runtime.http.Health;
import dev.heed.runtime.http.OpsRoutes;
import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemException;
import dev.heed.runtime.http.ProblemRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Duration;
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
        OpsRoutes ops = new OpsRoutes(() -> health(state.get() != KafkaStreams.State.ERROR, state.get()),
                () -> health(state.get() == KafkaStreams.State.RUNNING, state.get()), metrics.registry());
        Javalin api = Javalin.create(config -> {
            bind(config, listen.host(), listen.port());
            if (listen.opsPort().isEmpty()) {
                ops.register(config);
            }
            config.routes.get("/v1/complaints/overdue", ctx -> {
                String credential = authorized(ctx, tokens);
                json(ctx, json, lookup.overdue(local(ctx), credential));
            });
            config.routes.get("/v1/complaints/{id}", ctx -> {
                String credential = authorized(ctx, tokens);
                lookup.state(ctx.pathParam("id"), local(ctx), credential).ifPresentOrElse(
                        found -> json(ctx, json, found),
                        () -> {
                            throw new ProblemException(Problem.of(404, "complaint-not-found", "Complaint not found",
                                    "no instance holds complaint " + ctx.pathParam("id")));
                        });
            });
            config.routes.exception(UnauthorizedException.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"heed\"");
                ProblemRoutes.write(ctx, Problem.of(401, "unauthenticated", "Authentication required", e.getMessage()).at(ctx.path()));
            });
            config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "stores are not queryable now"));
            config.routes.exception(NotAnswerableNowException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
            ProblemRoutes.register(config);
        }).start();
        if (listen.opsPort().isEmpty()) {
            return new RoutingHttp(api, null);
        }
        try {
            return new RoutingHttp(api, ops.serve(listen.host(), listen.opsPort().getAsInt()));
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
        ProblemRoutes.write(ctx, Problem.of(503, "unavailable", "Try again shortly", detail).withRetryAfter(Duration.ofSeconds(1)).at(ctx.path()));
    }

    private static Health health(boolean up, KafkaStreams.State state) {
        return new Health(up, Map.of("streams", state.name()));
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
