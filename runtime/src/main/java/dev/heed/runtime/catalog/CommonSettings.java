package dev.heed.runtime.catalog;

import dev.heed.runtime.auth.VerdictLinks;
import dev.heed.runtime.config.Setting;

/** Settings more than one service reads, besides Kafka's ({@link dev.heed.runtime.kafka.KafkaSettings}). */
public final class CommonSettings {
    public static final Setting<String> LOG_LEVEL = Setting.string("HEED_LOG_LEVEL", "INFO",
            "the root log level; logs are JSON lines, one per event (read by each service's logback.xml)");
    public static final Setting<String> ACK_TOKENS = Setting.optional("HEED_ACK_TOKENS", "(none: every request is refused)",
            "agent and team tokens, comma-separated `agent:<name>:<sha256-hex>` or `team:<name>:<sha256-hex>` "
                    + "(`printf %s \"$TOKEN\" | sha256sum`): the responder's acknowledge API and console and routing's "
                    + "complaint queries take the same list").secret();
    public static final Setting<String> VERDICT_SECRET = Setting.optional("HEED_VERDICT_SECRET",
            "(none: resolutions ask no question, and ingest's verdict endpoint answers 404)",
            "signs the links through which customers answer a resolution (HMAC-SHA256; the responder signs, ingest checks, "
                    + "so both take the same value; at least 16 characters, e.g. `openssl rand -base64 32`); changing it voids "
                    + "the links sent before").check(s -> s.length() >= VerdictLinks.MIN_SECRET_LENGTH,
                    "at least " + VerdictLinks.MIN_SECRET_LENGTH + " characters").secret();

    private CommonSettings() {}
}
