package dev.heed.responder;

import dev.heed.events.EscalationLevel;
import dev.heed.responder.console.ConsoleSettings;
import dev.heed.responder.delivery.BackoffPolicy;
import dev.heed.responder.delivery.EmailTransport.SmtpSettings;
import dev.heed.responder.notify.AgentRoutes;
import dev.heed.responder.notify.Recipient;
import dev.heed.responder.reply.SourceSettings;
import dev.heed.schemas.config.EnvVars;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The responder's configuration, read from environment variables with the {@code HEED_} prefix (every
 * variable and default is listed in the README). Kafka client settings pass through:
 * {@code HEED_KAFKA_SECURITY_PROTOCOL} becomes {@code security.protocol}.
 */
public record ResponderConfig(int port, String publicUrl, Map<String, Object> kafka, String registryUrl,
                              String topicSuffix, int partitions, short replicationFactor, String groupId,
                              SmtpSettings smtp, Duration webhookTimeout, BackoffPolicy backoff, Duration escalationWait,
                              ZoneId zone, String defaultLanguage, String agentLanguage, Path templateDir,
                              Map<String, SourceSettings> sources, AgentRoutes agentRoutes, String ackTokens,
                              ConsoleSettings console, Duration sentLogHorizon, String host, OptionalInt opsPort) {

    public ResponderConfig {
        if (opsPort.isPresent() && opsPort.getAsInt() == port && port != 0) {
            throw new IllegalArgumentException("HEED_RESPONDER_OPS_PORT=" + port
                    + " is HEED_RESPONDER_PORT too: leave it unset to serve health and metrics on that port");
        }
    }

    private static final Pattern SOURCE = Pattern.compile("HEED_SOURCE_(.+)_(WEBHOOK_URL|WEBHOOK_SECRET|PREFER|LANGUAGE)");
    private static final Pattern AGENTS = Pattern.compile("HEED_AGENTS_(.+)_(AGENT|TEAM_LEAD|MANAGER)");

    public static ResponderConfig from(Map<String, String> environment) {
        EnvVars env = new EnvVars(environment);
        int port = env.integer("HEED_RESPONDER_PORT", 8083);
        Map<String, Object> kafka = new HashMap<>(env.kafkaPassthrough());
        // The same name as every other Heed service; HEED_KAFKA_BOOTSTRAP_SERVERS (pass-through) also works.
        if (!kafka.containsKey("bootstrap.servers")) {
            kafka.put("bootstrap.servers", env.required("HEED_BOOTSTRAP_SERVERS"));
        }
        return new ResponderConfig(port,
                env.string("HEED_RESPONDER_PUBLIC_URL", "http://localhost:" + port),
                Map.copyOf(kafka),
                env.required("HEED_REGISTRY_URL"),
                env.string("HEED_TOPIC_SUFFIX", ""),
                env.integer("HEED_TOPIC_PARTITIONS", 6),
                (short) env.integer("HEED_TOPIC_REPLICATION_FACTOR", 1),
                env.string("HEED_RESPONDER_GROUP_ID", "heed-responder"),
                smtp(env),
                env.millis("HEED_WEBHOOK_TIMEOUT_MS", Duration.ofSeconds(10)),
                BackoffPolicy.of(env.integer("HEED_RETRY_MAX_ATTEMPTS", 5),
                        env.millis("HEED_RETRY_INITIAL_MS", Duration.ofMillis(500)),
                        env.millis("HEED_RETRY_MAX_MS", Duration.ofSeconds(30))),
                env.millis("HEED_ESCALATION_WAIT_MS", Duration.ofSeconds(30)),
                ZoneId.of(env.string("HEED_REPLY_TIMEZONE", "UTC")),
                env.string("HEED_DEFAULT_LANGUAGE", "en"),
                env.string("HEED_AGENT_LANGUAGE", "en"),
                env.optional("HEED_TEMPLATE_DIR").map(Path::of).orElse(null),
                sources(env),
                agentRoutes(env),
                env.string("HEED_ACK_TOKENS", ""),
                console(env),
                // No trigger older than the input topics' retention (the broker's default: 7 days) is read again.
                env.millis("HEED_SENT_LOG_HORIZON_MS", Duration.ofDays(7)),
                // Every interface by default, as a container needs; the local run binds loopback.
                env.string("HEED_RESPONDER_HOST", "0.0.0.0"),
                env.optional("HEED_RESPONDER_OPS_PORT").isPresent()
                        ? OptionalInt.of(env.integer("HEED_RESPONDER_OPS_PORT", 0)) : OptionalInt.empty());
    }

    private static ConsoleSettings console(EnvVars env) {
        ConsoleSettings d = ConsoleSettings.defaults();
        return new ConsoleSettings(env.millis("HEED_CONSOLE_SESSION_TTL_MS", d.sessionTtl()),
                env.integer("HEED_CONSOLE_TIMELINE_MAX_COMPLAINTS", d.maxComplaints()),
                env.integer("HEED_CONSOLE_TIMELINE_MAX_EVENTS", d.maxEventsPerComplaint()),
                env.millis("HEED_CONSOLE_REPLY_WITHIN_MS", d.replyWithin()),
                env.millis("HEED_CONSOLE_SAMPLE_MS", d.sampleEvery()));
    }

    /** No HEED_SMTP_HOST means no e-mail: e-mail replies are then recorded as undeliverable. */
    private static SmtpSettings smtp(EnvVars env) {
        return env.optional("HEED_SMTP_HOST").map(host -> new SmtpSettings(host,
                env.integer("HEED_SMTP_PORT", 25),
                env.string("HEED_SMTP_FROM", "heed@localhost"),
                env.optional("HEED_SMTP_USERNAME").orElse(null),
                env.optional("HEED_SMTP_PASSWORD").orElse(null),
                env.bool("HEED_SMTP_STARTTLS", false),
                env.millis("HEED_SMTP_TIMEOUT_MS", Duration.ofSeconds(10)))).orElse(null);
    }

    private static Map<String, SourceSettings> sources(EnvVars env) {
        Map<String, Map<String, String>> bySource = new HashMap<>();
        env.all().forEach((name, value) -> {
            Matcher m = SOURCE.matcher(name);
            if (m.matches()) {
                bySource.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), value.trim());
            }
        });
        Map<String, SourceSettings> sources = new HashMap<>();
        bySource.forEach((key, values) -> {
            String prefer = values.getOrDefault("PREFER", "email").toLowerCase(Locale.ROOT);
            if (!prefer.equals("email") && !prefer.equals("webhook")) {
                throw new IllegalArgumentException("HEED_SOURCE_" + key + "_PREFER must be email or webhook, got '" + prefer + "'");
            }
            sources.put(key, new SourceSettings(values.get("WEBHOOK_URL"), values.get("WEBHOOK_SECRET"),
                    prefer.equals("webhook"), values.get("LANGUAGE")));
        });
        return Map.copyOf(sources);
    }

    private static AgentRoutes agentRoutes(EnvVars env) {
        String secret = env.optional("HEED_AGENT_WEBHOOK_SECRET").orElse(null);
        Map<String, Map<EscalationLevel, List<Recipient>>> routes = new HashMap<>();
        env.all().forEach((name, value) -> {
            Matcher m = AGENTS.matcher(name);
            if (m.matches()) {
                List<Recipient> recipients = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(spec -> Recipient.parse(spec, secret)).toList();
                routes.computeIfAbsent(m.group(1), q -> new EnumMap<>(EscalationLevel.class))
                        .put(EscalationLevel.valueOf(m.group(2)), recipients);
            }
        });
        return new AgentRoutes(routes);
    }

    @Override
    public String toString() {
        // Secrets (SMTP password, webhook secrets, token hashes) stay out of logs.
        return "ResponderConfig[host=" + host + ", port=" + port + ", opsPort=" + opsPort + ", kafka=" + kafka.get("bootstrap.servers") + ", registry=" + registryUrl
                + ", suffix='" + topicSuffix + "', group=" + groupId + ", smtp=" + smtp + ", sources=" + sources.keySet() + "]";
    }
}
