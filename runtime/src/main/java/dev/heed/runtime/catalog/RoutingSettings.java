package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Setting;
import java.time.Duration;
import java.util.List;

/** The routing-service's own settings. */
public final class RoutingSettings {
    public static final Setting<String> APPLICATION_ID = Setting.string("HEED_ROUTING_APPLICATION_ID", "heed-routing",
            "Kafka Streams application id: the consumer group, and the prefix of the changelog topics");
    public static final Setting<String> HTTP_HOST = Setting.string("HEED_ROUTING_HTTP_HOST", "0.0.0.0",
            "the address the HTTP ports listen on (the local run binds `127.0.0.1`)");
    public static final Setting<Integer> HTTP_PORT = Setting.integer("HEED_ROUTING_HTTP_PORT", 8082,
            "complaint queries, and health and metrics unless `HEED_ROUTING_OPS_PORT` is set");
    public static final Setting<Integer> OPS_PORT = Setting.optionalInteger("HEED_ROUTING_OPS_PORT",
            "(unset: on `HEED_ROUTING_HTTP_PORT`)", "serve `/health/live`, `/health/ready` and `/metrics` on this port only");
    public static final Setting<String> ADVERTISED_HOST = Setting.string("HEED_ROUTING_ADVERTISED_HOST", "localhost",
            "the host other instances use to reach this one (`application.server`)");
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.integer("HEED_ROUTING_STANDBY_REPLICAS", 0,
            "warm copies of each store on other instances").check(n -> n >= 0, "0 or more");
    public static final Setting<Integer> STREAM_THREADS = Setting.integer("HEED_ROUTING_STREAM_THREADS", 1,
            "stream threads per instance").check(n -> n >= 1, "at least 1");
    public static final Setting<String> STATE_DIR = Setting.optional("HEED_ROUTING_STATE_DIR", "(Kafka Streams' default)",
            "the RocksDB state directory");
    public static final Setting<Duration> PUNCTUATE_INTERVAL = Setting.duration("HEED_ROUTING_PUNCTUATE_INTERVAL",
            Duration.ofSeconds(1), "how often due points are looked for (a late one is never lost)");
    public static final Setting<Duration> DEDUPE_RETENTION = Setting.duration("HEED_ROUTING_DEDUPE_RETENTION",
            Duration.ofDays(7), "how long event ids are remembered to drop repeats");
    public static final Setting<Duration> EARLY_ACK_RETENTION = Setting.duration("HEED_ROUTING_EARLY_ACK_RETENTION",
            Duration.ofDays(7), "how long an acknowledgement that arrived before its escalation is remembered, and an "
                    + "acknowledged complaint with no promised update open after its last acknowledgement or update");
    public static final Setting<String> SLA_POLICIES = Setting.optional("HEED_SLA_POLICIES",
            "critical 15m, high 1h, medium 4h, low 24h", "the SLA policies (format in docs/routing.md)");
    public static final Setting<String> SLA_CALENDARS = Setting.optional("HEED_SLA_CALENDARS",
            "(none: every policy counts elapsed time)", "business calendars that policies name with `calendar=` (format in docs/routing.md)");
    public static final Setting<Integer> SLA_TIME_SCALE = Setting.integer("HEED_SLA_TIME_SCALE", 1,
            "divide every policy duration by this (demos: `60` turns 15 minutes into 15 seconds)").check(n -> n >= 1, "at least 1");

    public static final List<Setting<?>> DECLARED = List.of(APPLICATION_ID, HTTP_HOST, HTTP_PORT, OPS_PORT, ADVERTISED_HOST,
            CommonSettings.ACK_TOKENS, STANDBY_REPLICAS, STREAM_THREADS, STATE_DIR, PUNCTUATE_INTERVAL, DEDUPE_RETENTION,
            EARLY_ACK_RETENTION, SLA_POLICIES, SLA_CALENDARS, SLA_TIME_SCALE);

    private RoutingSettings() {}
}
