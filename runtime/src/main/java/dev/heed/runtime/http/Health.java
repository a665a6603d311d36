package dev.heed.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of {@code /health/live} or {@code /health/ready}: {@code {"status":"UP"}} (200) or
 * {@code {"status":"DOWN"}} (503), with whatever a service adds ({@code "streams":"RUNNING"}).
 */
public record Health(boolean up, Map<String, String> details) {
    public Health {
        details = Map.copyOf(details);
    }

    public static Health of(boolean up) {
        return new Health(up, Map.of());
    }

    /** The JSON body. */
    public Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.putAll(details);
        return body;
    }
}
