package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Setting;
import java.util.List;

/** What {@code ./heed up} and the CLI's commands read, besides the Kafka and registry addresses. */
public final class LocalRunSettings {
    public static final Setting<String> DATA_DIR = Setting.string("HEED_LOCAL_DATA_DIR", ".heed",
            "the local run's data, logs, pid and endpoints files, relative to the checkout");
    public static final Setting<Integer> KAFKA_PORT = port("HEED_LOCAL_KAFKA_PORT", 29092, "the local broker's port");
    public static final Setting<Integer> CONTROLLER_PORT = port("HEED_LOCAL_CONTROLLER_PORT", 29093, "the local broker's controller port");
    public static final Setting<Integer> REGISTRY_PORT = port("HEED_LOCAL_REGISTRY_PORT", 28081, "the local schema registry's port");
    public static final Setting<Integer> INGEST_PORT = port("HEED_LOCAL_INGEST_PORT", 28080, "the local ingest-service's port");
    public static final Setting<Integer> ROUTING_PORT = port("HEED_LOCAL_ROUTING_PORT", 28082, "the local routing-service's port");
    public static final Setting<Integer> RESPONDER_PORT = port("HEED_LOCAL_RESPONDER_PORT", 28083,
            "the local responder-service's port (the console is at `/console/`)");
    public static final Setting<Integer> TIME_SCALE = Setting.integer("HEED_LOCAL_TIME_SCALE", 1,
            "the local run's `HEED_SLA_TIME_SCALE` (`--time-scale` overrides it)").check(n -> n >= 1, "at least 1");
    public static final Setting<String> RESPONDER_URL = Setting.optional("HEED_RESPONDER_URL", "(the local run's responder)",
            "where `heed ack` finds the acknowledge API");
    public static final Setting<String> ACK_TOKEN = Setting.optional("HEED_ACK_TOKEN", "(the local run's demo token)",
            "the agent or team token `heed ack` presents").secret();

    public static final List<Setting<?>> DECLARED = List.of(DATA_DIR, KAFKA_PORT, CONTROLLER_PORT, REGISTRY_PORT, INGEST_PORT,
            ROUTING_PORT, RESPONDER_PORT, TIME_SCALE, RESPONDER_URL, ACK_TOKEN);

    private LocalRunSettings() {}

    private static Setting<Integer> port(String name, int fallback, String description) {
        return Setting.integer(name, fallback, description).check(n -> n > 0 && n < 65_536, "a port between 1 and 65535");
    }
}
