package dev.heed.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The operations surface every Heed service serves, the same way: {@code /health/live} (false once the service
 * cannot do its work any more, so an orchestrator restarts it), {@code /health/ready} (whether to send it traffic)
 * and {@code /metrics} (Prometheus text). Served beside the service's API or, with an operations port, alone by
 * {@link #serve}.
 */
public record OpsRoutes(Supplier<Health> live, Supplier<Health> ready, PrometheusMeterRegistry metrics) {
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three paths, also with a trailing slash or below them, as Javalin would route them. */
    public static boolean isOpsPath(String path) {
        return path != null && (path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/metrics/"));
    }

    public void register(JavalinConfig config) {
        config.routes.get("/health/live", ctx -> health(ctx, live.get()));
        config.routes.get("/health/ready", ctx -> health(ctx, ready.get()));
        config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    }

    /** A server of its own for these routes (the operations port), started on {@code host:port}; errors are problems. */
    public Javalin serve(String host, int port) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            register(config);
            ProblemRoutes.register(config);
        }).start();
    }

    private static void health(Context ctx, Health health) {
        try {
            ctx.status(health.up() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsBytes(health.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
