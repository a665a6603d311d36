package dev.heed.routing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The routing service's HTTP surface: health (ready only while Streams is RUNNING), Prometheus metrics, and
 * complaint queries ({@code GET /v1/complaints/{id}}, {@code GET /v1/complaints/overdue}; {@code ?local=true}
 * answers from this instance only, which is how instances ask each other).
 */
public final class RoutingHttp implements AutoCloseable {

    private final Javalin server;

    private RoutingHttp(Javalin server) {
        this.server = server;
    }

    public static RoutingHttp start(String host, int port, Supplier<KafkaStreams.State> state, ComplaintLookup lookup,
                                    RoutingMetrics metrics, ObjectMapper json) {
        Javalin server = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/health/live", ctx -> health(ctx, state.get() != KafkaStreams.State.ERROR, state.get()));
            config.routes.get("/health/ready", ctx -> health(ctx, state.get() == KafkaStreams.State.RUNNING, state.get()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.get("/v1/complaints/overdue", ctx -> json(ctx, json, lookup.overdue(local(ctx))));
            config.routes.get("/v1/complaints/{id}", ctx -> lookup.state(ctx.pathParam("id"), local(ctx)).ifPresentOrElse(
                    found -> json(ctx, json, found),
                    () -> ctx.status(404).contentType("application/problem+json").result(
                            "{\"title\":\"complaint not found\",\"status\":404}")));
            config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "stores are not queryable now"));
            config.routes.exception(NotAnswerableNowException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        }).start();
        return new RoutingHttp(server);
    }

    public int port() {
        return server.port();
    }

    private static boolean local(Context ctx) {
        return Boolean.parseBoolean(ctx.queryParam("local"));
    }

    // Rebalancing and restoring are normal and short: say so, and when to ask again.
    private static void unavailable(Context ctx, String detail) {
        ctx.status(503).header("Retry-After", "1").contentType("application/problem+json")
                .result("{\"title\":\"try again shortly\",\"status\":503,\"detail\":\"" + detail.replace("\"", "'") + "\"}");
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
        server.stop();
    }
}
