package dev.heed.runtime.catalog;

import dev.heed.runtime.config.PatternSetting;
import dev.heed.runtime.config.Setting;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The responder-service's own settings. The former {@code _MS} names are read for one release, with a warning. */
public final class ResponderSettings {
    public static final Setting<String> HOST = Setting.string("HEED_RESPONDER_HOST", "0.0.0.0",
            "the address the HTTP ports listen on (the local run binds `127.0.0.1`)");
    public static final Setting<Integer> PORT = Setting.integer("HEED_RESPONDER_PORT", 8083,
            "the acknowledge API and the console (0: any free port)");
    public static final Setting<Integer> OPS_PORT = Setting.optionalInteger("HEED_RESPONDER_OPS_PORT",
            "(unset: on `HEED_RESPONDER_PORT`)", "serve `/health/live`, `/health/ready` and `/metrics` on this port only");
    public static final Setting<String> PUBLIC_URL = Setting.optional("HEED_RESPONDER_PUBLIC_URL", "`http://localhost:<port>`",
            "the base of the acknowledge links in agent notifications");
    public static final Setting<String> VERDICT_URL = Setting.optional("HEED_VERDICT_URL",
            "(none: resolutions ask no question)",
            "ingest's public base URL (`https://feedback.example.com`): the resolution message links the customer to its "
                    + "verdict endpoint there, signed with `HEED_VERDICT_SECRET`; both must be set for the question to be asked");
    public static final Setting<Duration> VERDICT_LINK_TTL = Setting.duration("HEED_VERDICT_LINK_TTL", Duration.ofDays(5),
            "how long a resolution's verdict link stays valid (410 after); keep it below routing's "
                    + "`HEED_ROUTING_EARLY_ACK_RETENTION`, after which routing forgets a resolved complaint")
            .check(d -> !d.isNegative() && !d.isZero(), "a positive duration");
    public static final Setting<String> GROUP_ID = Setting.string("HEED_RESPONDER_GROUP_ID", "heed-responder",
            "consumer group, and the prefix of the client ids");
    public static final Setting<String> SMTP_HOST = Setting.optional("HEED_SMTP_HOST", "(none: e-mails are recorded `UNDELIVERABLE`)",
            "the SMTP relay");
    public static final Setting<Integer> SMTP_PORT = Setting.integer("HEED_SMTP_PORT", 25, "the SMTP relay's port");
    public static final Setting<String> SMTP_FROM = Setting.string("HEED_SMTP_FROM", "heed@localhost", "the sender of every e-mail");
    public static final Setting<String> SMTP_USERNAME = Setting.optional("HEED_SMTP_USERNAME", "(none)", "SMTP login");
    public static final Setting<String> SMTP_PASSWORD = Setting.optional("HEED_SMTP_PASSWORD", "(none)", "SMTP password").secret();
    public static final Setting<Boolean> SMTP_STARTTLS = Setting.bool("HEED_SMTP_STARTTLS", false, "require STARTTLS");
    public static final Setting<Duration> SMTP_TIMEOUT = Setting.duration("HEED_SMTP_TIMEOUT", Duration.ofSeconds(10),
            "connect, read and write timeout of each SMTP attempt").formerly("HEED_SMTP_TIMEOUT_MS", Setting.millis());
    public static final Setting<Duration> WEBHOOK_TIMEOUT = Setting.duration("HEED_WEBHOOK_TIMEOUT", Duration.ofSeconds(10),
            "per webhook attempt").formerly("HEED_WEBHOOK_TIMEOUT_MS", Setting.millis());
    public static final Setting<Integer> RETRY_MAX_ATTEMPTS = Setting.integer("HEED_RETRY_MAX_ATTEMPTS", 5,
            "attempts per message").check(n -> n >= 1, "at least 1");
    public static final Setting<Duration> RETRY_INITIAL = Setting.duration("HEED_RETRY_INITIAL", Duration.ofMillis(500),
            "the wait before the first retry; before retry n it is `initial·2^(n-1)`, capped at `HEED_RETRY_MAX`, drawn from its upper half")
            .formerly("HEED_RETRY_INITIAL_MS", Setting.millis());
    public static final Setting<Duration> RETRY_MAX = Setting.duration("HEED_RETRY_MAX", Duration.ofSeconds(30),
            "the cap of the wait between attempts").formerly("HEED_RETRY_MAX_MS", Setting.millis());
    public static final Setting<Integer> SEND_CONCURRENCY = Setting.integer("HEED_SEND_CONCURRENCY", 64,
            "input records worked on at once, and so messages in flight over every channel; records of one feedback id "
                    + "still go one after another").check(n -> n >= 1, "at least 1");
    public static final Setting<Integer> WEBHOOK_CONCURRENCY_PER_HOST = Setting.integer("HEED_WEBHOOK_CONCURRENCY_PER_HOST", 16,
            "webhook requests in flight to one receiver (scheme, host and port)").check(n -> n >= 1, "at least 1");
    public static final Setting<Integer> SMTP_CONNECTIONS = Setting.integer("HEED_SMTP_CONNECTIONS", 8,
            "SMTP connections kept open and reused, one message at a time each: the most e-mails in flight")
            .check(n -> n >= 1, "at least 1");
    public static final Setting<Integer> MAX_PENDING = Setting.integer("HEED_RESPONDER_MAX_PENDING", 1000,
            "input records read and not yet done; at this many the responder pauses its partitions until work completes")
            .check(n -> n >= 1, "at least 1");
    public static final Setting<Duration> REVOKE_WAIT = Setting.duration("HEED_RESPONDER_REVOKE_WAIT", Duration.ofSeconds(30),
            "on a rebalance, how long in-flight work of revoked partitions may take before it is cancelled; the new owner "
                    + "sends a cancelled message again, under the same id (keep it below `max.poll.interval.ms`)");
    public static final Setting<Duration> ESCALATION_WAIT = Setting.duration("HEED_ESCALATION_WAIT", Duration.ofSeconds(30),
            "how long a complaint's reply waits for its escalation").formerly("HEED_ESCALATION_WAIT_MS", Setting.millis());
    public static final Setting<Duration> SENT_LOG_HORIZON = Setting.duration("HEED_SENT_LOG_HORIZON", Duration.ofDays(7),
            "how far back the sent log reads `responses.sent` and what it keeps; at least the input topics' retention")
            .formerly("HEED_SENT_LOG_HORIZON_MS", Setting.millis());
    public static final Setting<ZoneId> REPLY_TIMEZONE = Setting.of("HEED_REPLY_TIMEZONE", "a time zone such as UTC or Europe/Paris",
            // The region "UTC", not the offset: a reply reads "11:15 UTC", where ZoneOffset.UTC would print "11:15 Z".
            ZoneId::of, ZoneId.of("UTC"), "`UTC`", "the time zone of times in replies");
    public static final Setting<String> DEFAULT_LANGUAGE = Setting.string("HEED_DEFAULT_LANGUAGE", "en",
            "the customers' language when neither the feedback nor its source names one");
    public static final Setting<String> AGENT_LANGUAGE = Setting.string("HEED_AGENT_LANGUAGE", "en", "the agents' language");
    public static final Setting<String> TEMPLATE_DIR = Setting.optional("HEED_TEMPLATE_DIR", "(the built-in templates)",
            "a directory of templates that replace the built-in ones, file by file");
    public static final Setting<String> AGENT_WEBHOOK_SECRET = Setting.optional("HEED_AGENT_WEBHOOK_SECRET", "(unsigned)",
            "`whsec_...`, signs agent webhooks").secret();
    public static final Setting<Duration> CONSOLE_SESSION_TTL = Setting.duration("HEED_CONSOLE_SESSION_TTL", Duration.ofHours(12),
            "how long a console sign-in lasts").formerly("HEED_CONSOLE_SESSION_TTL_MS", Setting.millis());
    public static final Setting<Duration> CONSOLE_SAMPLE = Setting.duration("HEED_CONSOLE_SAMPLE", Duration.ofSeconds(5),
            "the console dashboard's sampling interval").formerly("HEED_CONSOLE_SAMPLE_MS", Setting.millis());
    public static final Setting<Duration> CONSOLE_REPLY_WITHIN = Setting.duration("HEED_CONSOLE_REPLY_WITHIN", Duration.ofMinutes(15),
            "how long feedback that is not a complaint may wait for its reply before the console flags it")
            .formerly("HEED_CONSOLE_REPLY_WITHIN_MS", Setting.millis());
    public static final Setting<Integer> CONSOLE_TIMELINE_MAX_COMPLAINTS = Setting.integer("HEED_CONSOLE_TIMELINE_MAX_COMPLAINTS",
            10_000, "complaints the console's timeline index holds");
    public static final Setting<Integer> CONSOLE_TIMELINE_MAX_EVENTS = Setting.integer("HEED_CONSOLE_TIMELINE_MAX_EVENTS", 50,
            "events per complaint the console's timeline index holds");

    public static final PatternSetting SOURCE = PatternSetting.of("HEED_SOURCE_<SRC>_WEBHOOK_URL, _WEBHOOK_SECRET, _PREFER, _LANGUAGE",
            "HEED_SOURCE_(.+)_(WEBHOOK_URL|WEBHOOK_SECRET|PREFER|LANGUAGE)", "none, none, `email`, none",
            "per source system: where webhook replies go, their `whsec_` secret, the channel preferred, the language").asSecret();
    public static final PatternSetting AGENTS = PatternSetting.of("HEED_AGENTS_<QUEUE>_<AGENT|TEAM_LEAD|MANAGER>",
            "HEED_AGENTS_(.+)_(AGENT|TEAM_LEAD|MANAGER)", "none",
            "who is notified for a queue at each level: comma-separated e-mail addresses or webhook URLs");

    public static final List<Setting<?>> DECLARED = List.of(HOST, PORT, OPS_PORT, PUBLIC_URL, GROUP_ID, CommonSettings.ACK_TOKENS,
            SMTP_HOST, SMTP_PORT, SMTP_FROM, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS, SMTP_TIMEOUT, WEBHOOK_TIMEOUT,
            RETRY_MAX_ATTEMPTS, RETRY_INITIAL, RETRY_MAX, SEND_CONCURRENCY, WEBHOOK_CONCURRENCY_PER_HOST, SMTP_CONNECTIONS,
            MAX_PENDING, REVOKE_WAIT, ESCALATION_WAIT, SENT_LOG_HORIZON, REPLY_TIMEZONE, DEFAULT_LANGUAGE,
            AGENT_LANGUAGE, TEMPLATE_DIR, AGENT_WEBHOOK_SECRET, CONSOLE_SESSION_TTL, CONSOLE_SAMPLE, CONSOLE_REPLY_WITHIN,
            CONSOLE_TIMELINE_MAX_COMPLAINTS, CONSOLE_TIMELINE_MAX_EVENTS, CommonSettings.VERDICT_SECRET, VERDICT_URL, VERDICT_LINK_TTL);
    public static final List<PatternSetting> PATTERNS = List.of(SOURCE, AGENTS);

    private ResponderSettings() {}
}
