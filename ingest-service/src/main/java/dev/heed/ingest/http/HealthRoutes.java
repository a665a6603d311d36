package dev.heed.ingest.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness (the process answers) and readiness (the producer can reach the topic's metadata). */
final class HealthRoutes {
    private final BooleanSupplier ready;
    private final Responses responses;

    HealthRoutes(BooleanSupplier ready, Responses responses) {
        this.ready = ready;
        this.responses = responses;
    }

    void live(Context ctx) {
        responses.json(ctx, 200, Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        boolean up = ready.getAsBoolean();
        responses.json(ctx, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
    }
}
