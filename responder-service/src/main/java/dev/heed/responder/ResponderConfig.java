package dev.heed.responder;

import static dev.heed.runtime.catalog.ResponderSettings.*;

import dev.heed.events.EscalationLevel;
import dev.heed.responder.console.ConsoleSettings;
import dev.heed.responder.delivery.BackoffPolicy;
import dev.heed.responder.delivery.EmailTransport.SmtpSettings;
import dev.heed.responder.notify.AgentRoutes;
import dev.heed.responder.notify.Recipient;
import dev.heed.responder.reply.SourceSettings;
import dev.heed.runtime.catalog.CommonSettings;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.runtime.kafka.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import dev.heed.responder.reply.VerdictQuestion;
import dev.heed.runtime.auth.VerdictLinks;
import java.util.regex.Matcher;

/**
 * The responder's configuration, as {@link dev.heed.runtime.catalog.ResponderSettings} declares it (names,
 * defaults, meanings; docs/configuration.md is generated from there) and {@link Settings} reads it.
 */
public record ResponderConfig(int port, String publicUrl, KafkaSettings kafka, String groupId,
                              SmtpSettings smtp, Duration webhookTimeout, BackoffPolicy backoff, Duration escalationWait,
                              ZoneId zone, String defaultLanguage, String agentLanguage, Path templateDir,
                              Map<String, SourceSettings> sources, AgentRoutes agentRoutes, String ackTokens,
                              ConsoleSettings console, Duration sentLogHorizon, String host, OptionalInt opsPort,
                              Concurrency concurrency, Optional<VerdictQuestion> verdictQuestion) {

    /**
     * How much the responder does at once.
     *
     * @param sends           input records worked on at once (so messages in flight over every channel)
     * @param perWebhookHost  webhook requests in flight to one receiver
     * @param smtpConnections SMTP connections kept open, one message at a time each
     * @param maxPending      records read and not done at which the consumer pauses its partitions
     * @param revokeWait      how long revoked partitions' started work may take before it is cancelled
     */
    public record Concurrency(int sends, int perWebhookHost, int smtpConnections, int maxPending, Duration revokeWait) {}

    public ResponderConfig {
        if (opsPort.isPresent() && opsPort.getAsInt() == port && port != 0) {
            throw new SettingsException(OPS_PORT.name() + "=" + port + " is " + PORT.name()
                    + " too: leave it unset to serve health and metrics on that port");
        }
    }

    public static ResponderConfig from(Map<String, String> environment) {
        return from(new Settings(environment));
    }

    public static ResponderConfig from(Settings settings) {
        int port = settings.get(PORT);
        return new ResponderConfig(port,
                settings.find(PUBLIC_URL).orElse("http://localhost:" + port),
                KafkaSettings.from(settings),
                settings.get(GROUP_ID),
                smtp(settings),
                settings.get(WEBHOOK_TIMEOUT),
                BackoffPolicy.of(settings.get(RETRY_MAX_ATTEMPTS), settings.get(RETRY_INITIAL), settings.get(RETRY_MAX)),
                settings.get(ESCALATION_WAIT),
                settings.get(REPLY_TIMEZONE),
                settings.get(DEFAULT_LANGUAGE),
                settings.get(AGENT_LANGUAGE),
                settings.find(TEMPLATE_DIR).map(Path::of).orElse(null),
                sources(settings),
                agentRoutes(settings),
                settings.find(CommonSettings.ACK_TOKENS).orElse(""),
                new ConsoleSettings(settings.get(CONSOLE_SESSION_TTL), settings.get(CONSOLE_TIMELINE_MAX_COMPLAINTS),
                        settings.get(CONSOLE_TIMELINE_MAX_EVENTS), settings.get(CONSOLE_REPLY_WITHIN), settings.get(CONSOLE_SAMPLE)),
                // No trigger older than the input topics' retention (the broker's default: 7 days) is read again.
                settings.get(SENT_LOG_HORIZON),
                // Every interface by default, as a container needs; the local run binds loopback.
                settings.get(HOST),
                settings.find(OPS_PORT).map(OptionalInt::of).orElse(OptionalInt.empty()),
                new Concurrency(settings.get(SEND_CONCURRENCY), settings.get(WEBHOOK_CONCURRENCY_PER_HOST),
                        settings.get(SMTP_CONNECTIONS), settings.get(MAX_PENDING), settings.get(REVOKE_WAIT)),
                verdictQuestion(settings));
    }

    /** The question a resolution asks, when both the secret and ingest's URL are set. */
    private static Optional<VerdictQuestion> verdictQuestion(Settings settings) {
        Optional<String> secret = settings.find(CommonSettings.VERDICT_SECRET);
        Optional<String> url = settings.find(VERDICT_URL);
        if (secret.isEmpty() || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VerdictQuestion(new VerdictLinks(secret.get()), url.get(), settings.get(VERDICT_LINK_TTL)));
    }

    /** No HEED_SMTP_HOST means no e-mail: e-mail replies are then recorded as undeliverable. */
    private static SmtpSettings smtp(Settings settings) {
        return settings.find(SMTP_HOST).map(host -> new SmtpSettings(host,
                settings.get(SMTP_PORT),
                settings.get(SMTP_FROM),
                settings.get(SMTP_USERNAME),
                settings.get(SMTP_PASSWORD),
                settings.get(SMTP_STARTTLS),
                settings.get(SMTP_TIMEOUT))).orElse(null);
    }

    private static Map<String, SourceSettings> sources(Settings settings) {
        Map<String, Map<String, String>> bySource = new HashMap<>();
        settings.matching(SOURCE).forEach((name, value) -> {
            Matcher m = SOURCE.regex().matcher(name);
            if (m.matches()) {
                bySource.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), value);
            }
        });
        Map<String, SourceSettings> sources = new HashMap<>();
        bySource.forEach((key, values) -> {
            String prefer = values.getOrDefault("PREFER", "email").toLowerCase(Locale.ROOT);
            if (!prefer.equals("email") && !prefer.equals("webhook")) {
                throw new SettingsException("HEED_SOURCE_" + key + "_PREFER must be email or webhook, got '" + prefer + "'");
            }
            sources.put(key, new SourceSettings(values.get("WEBHOOK_URL"), values.get("WEBHOOK_SECRET"),
                    prefer.equals("webhook"), values.get("LANGUAGE")));
        });
        return Map.copyOf(sources);
    }

    private static AgentRoutes agentRoutes(Settings settings) {
        String secret = settings.get(AGENT_WEBHOOK_SECRET);
        Map<String, Map<EscalationLevel, List<Recipient>>> routes = new HashMap<>();
        settings.matching(AGENTS).forEach((name, value) -> {
            Matcher m = AGENTS.regex().matcher(name);
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
        return "ResponderConfig[host=" + host + ", port=" + port + ", opsPort=" + opsPort + ", kafka=" + kafka.bootstrapServers()
                + ", registry=" + kafka.registryUrl() + ", suffix='" + kafka.topicSuffix() + "', group=" + groupId + ", smtp=" + smtp
                + ", sources=" + sources.keySet() + "]";
    }
}
