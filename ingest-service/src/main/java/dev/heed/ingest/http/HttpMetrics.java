package dev.heed.ingest.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every finished request (after any asynchronous answer was written) as a latency histogram
 * tagged by route, method and status, and logs it as a structured access-log line.
 */
final class HttpMetrics implements RequestLogger {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.heed.ingest.access");

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        // The route template, not the raw path, keeps the tag set bounded whatever clients send.
        String route = route(ctx);
        int status = ctx.status().getCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tag("uri", route)
                .tag("method", ctx.method().name())
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        ACCESS.atDebug()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("millis", millis)
                .addKeyValue("source", Authenticator.source(ctx))
                .log("request");
    }

    /**
     * The matched route; the filters run only for a matched route, so their refusals are counted under it. A
     * request no route matched (404, 405) is counted under the last filter it passed, or as UNMATCHED.
     */
    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        var seen = ctx.endpoints().list();
        return seen.isEmpty() ? "UNMATCHED" : seen.get(seen.size() - 1).path;
    }
}
