package dev.heed.runtime.catalog;

import dev.heed.runtime.config.Setting;

/** Settings more than one service reads, besides Kafka's ({@link dev.heed.runtime.kafka.KafkaSettings}). */
public final class CommonSettings {
    public static final Setting<String> LOG_LEVEL = Setting.string("HEED_LOG_LEVEL", "INFO",
            "the root log level; logs are JSON lines, one per event (read by each service's logback.xml)");
    public static final Setting<String> ACK_TOKENS = Setting.optional("HEED_ACK_TOKENS", "(none: every request is refused)",
            "agent and team tokens, comma-separated `agent:<name>:<sha256-hex>` or `team:<name>:<sha256-hex>` "
                    + "(`printf %s \"$TOKEN\" | sha256sum`): the responder's acknowledge API and console and routing's "
                    + "complaint queries take the same list").secret();

    private CommonSettings() {}
}
