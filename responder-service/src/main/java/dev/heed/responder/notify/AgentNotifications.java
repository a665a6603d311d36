package dev.heed.responder.notify;

import dev.heed.events.ComplaintEscalated;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the notifications that tell agents a complaint needs them: one message per recipient, each naming
 * the complaint, how long it is overdue (or how long is left), and how to acknowledge it. A new escalation
 * goes to the queue's AGENT level; a response-due goes to the levels up to the one it names.
 */
public final class AgentNotifications {
    public static final String ESCALATED_TEMPLATE = "agent-escalated";
    public static final String DUE_TEMPLATE = "agent-due";
    /** For the points of a promise clock (PROMISE_ kinds): the promised update, not the first response, is due. */
    public static final String PROMISE_TEMPLATE = "agent-promise";
    /** For the points of a resolution clock (RESOLUTION_ kinds): the complaint is to be resolved, not answered. */
    public static final String RESOLUTION_TEMPLATE = "agent-resolution";
    /** For a reopening (kind REOPENED): by an agent, or by the customer's negative verdict, with its score and words. */
    public static final String REOPENED_TEMPLATE = "agent-reopened";

    private final TemplateLibrary templates;
    private final AgentRoutes routes;
    private final TimeFormat times;
    private final Clock clock;
    private final String publicUrl;
    private final String language;

    public AgentNotifications(TemplateLibrary templates, AgentRoutes routes, TimeFormat times, Clock clock,
                              String publicUrl, String language) {
        this.templates = templates;
        this.routes = routes;
        this.times = times;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.language = language;
    }

    public List<OutboundMessage> escalated(ComplaintEscalated event, String trigger) {
        Map<String, Object> model = common(event.getComplaintId(), event.getQueue(), event.getSeverity().name(), event.getPolicyName());
        model.put("dueAt", times.time(event.getFirstResponseDueAt()));
        model.put("dueIn", TimeFormat.duration(Duration.between(clock.instant(), event.getFirstResponseDueAt())));
        model.put("subject", event.getSubject());
        model.put("text", event.getText());
        model.put("reasons", event.getReasons());
        TemplateLibrary.Rendered rendered = templates.render(ESCALATED_TEMPLATE, language, model);
        Map<String, Object> payload = payload("complaint.escalated", model, EscalationLevel.AGENT);
        payload.put("dueAt", event.getFirstResponseDueAt().toString());
        return messages(event.getComplaintId(), EscalationLevel.AGENT, event.getQueue(), trigger, rendered, payload,
                event.getTraceId(), recipient -> MessageIds.escalated(event.getComplaintId(), recipient));
    }

    public List<OutboundMessage> due(ResponseDue event, String trigger) {
        if (event.getKind() == DueKind.REOPENED) {
            return reopened(event, trigger);
        }
        Map<String, Object> model = common(event.getComplaintId(), event.getQueue(), event.getSeverity().name(), event.getPolicyName());
        Duration overdue = Duration.between(event.getBreachAt(), clock.instant());
        model.put("level", event.getLevel().name());
        model.put("overdue", !overdue.isNegative());
        model.put("overdueBy", TimeFormat.duration(overdue));
        model.put("dueIn", TimeFormat.duration(overdue));
        model.put("breachAt", times.time(event.getBreachAt()));
        model.put("reminderNumber", event.getReminderNumber());
        boolean promise = isPromise(event.getKind());
        boolean resolution = isResolution(event.getKind());
        if (promise) {
            model.put("promisedAt", times.time(event.getBreachAt()));
        }
        if (resolution) {
            model.put("resolveBy", times.time(event.getBreachAt()));
            model.put("resolveUrl", resolveUrl(event.getComplaintId()));
        }
        if (promise || resolution) {
            model.put("updateUrl", updateUrl(event.getComplaintId()));
        }
        TemplateLibrary.Rendered rendered = templates.render(promise ? PROMISE_TEMPLATE : resolution ? RESOLUTION_TEMPLATE : DUE_TEMPLATE,
                language, model);
        Map<String, Object> payload = payload("complaint.response-due", model, event.getLevel());
        payload.put("kind", event.getKind().name());
        payload.put("reminderNumber", event.getReminderNumber());
        payload.put("dueAt", event.getDueAt().toString());
        payload.put("breachAt", event.getBreachAt().toString());
        payload.put("overdueBySeconds", overdue.toSeconds());
        if (promise) {
            payload.put("promisedAt", event.getBreachAt().toString());
            payload.put("updateUrl", model.get("updateUrl"));
        }
        if (resolution) {
            payload.put("resolveBy", event.getBreachAt().toString());
            payload.put("resolveUrl", model.get("resolveUrl"));
            payload.put("updateUrl", model.get("updateUrl"));
        }
        return messages(event.getComplaintId(), event.getLevel(), event.getQueue(), trigger, rendered, payload,
                event.getTraceId(), recipient -> MessageIds.reminder(event.getComplaintId(), event.getReminderNumber(), recipient));
    }

    /**
     * A resolved complaint was reopened: by an agent ({@code reopenedBy}), or by the customer's negative verdict, whose
     * score and words the agents get to read. Addressed up to the complaint's level (a verdict climbed it one), named by
     * the complaint and reminder number as every due point is, so a reopening read again is not told again.
     */
    private List<OutboundMessage> reopened(ResponseDue event, String trigger) {
        Map<String, Object> model = common(event.getComplaintId(), event.getQueue(), event.getSeverity().name(), event.getPolicyName());
        boolean byVerdict = event.getVerdictScore() != null;
        model.put("level", event.getLevel().name());
        model.put("reopenedAt", times.time(event.getDueAt()));
        model.put("reminderNumber", event.getReminderNumber());
        model.put("byVerdict", byVerdict);
        model.put("verdictScore", event.getVerdictScore());
        String text = event.getVerdictText() == null ? "" : event.getVerdictText();
        model.put("verdictText", text.isBlank() ? null : text);
        model.put("reopenedBy", event.getReopenedBy() == null ? "an agent" : event.getReopenedBy());
        model.put("updateUrl", updateUrl(event.getComplaintId()));
        model.put("resolveUrl", resolveUrl(event.getComplaintId()));
        TemplateLibrary.Rendered rendered = templates.render(REOPENED_TEMPLATE, language, model);
        Map<String, Object> payload = payload("complaint.reopened", model, event.getLevel());
        payload.put("reminderNumber", event.getReminderNumber());
        payload.put("reopenedAt", event.getDueAt().toString());
        // The payload holds no nulls (messages copy it): a key that does not apply is left out.
        if (event.getReopeningId() != null) {
            payload.put("reopeningId", event.getReopeningId());
        }
        if (event.getReopenedBy() != null) {
            payload.put("reopenedBy", event.getReopenedBy());
        }
        if (byVerdict) {
            payload.put("verdictScore", event.getVerdictScore());
            payload.put("verdictText", text);
        }
        payload.put("updateUrl", model.get("updateUrl"));
        payload.put("resolveUrl", model.get("resolveUrl"));
        return messages(event.getComplaintId(), event.getLevel(), event.getQueue(), trigger, rendered, payload,
                event.getTraceId(), recipient -> MessageIds.reminder(event.getComplaintId(), event.getReminderNumber(), recipient));
    }

    /** The URL an agent POSTs to, to acknowledge a complaint. */
    public String acknowledgeUrl(String complaintId) {
        return complaintUrl(complaintId) + "/acknowledgements";
    }

    /** The URL an agent POSTs to, to send the customer an update (and keep, make or move a promise). */
    public String updateUrl(String complaintId) {
        return complaintUrl(complaintId) + "/updates";
    }

    /** The URL an agent POSTs to, to resolve a complaint. */
    public String resolveUrl(String complaintId) {
        return complaintUrl(complaintId) + "/resolution";
    }

    private String complaintUrl(String complaintId) {
        return publicUrl + "/v1/complaints/" + URLEncoder.encode(complaintId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether a due point belongs to a promise clock rather than the first-response clock. */
    static boolean isPromise(DueKind kind) {
        return kind == DueKind.PROMISE_WARNING || kind == DueKind.PROMISE_BROKEN || kind == DueKind.PROMISE_REPEAT;
    }

    /** Whether a due point belongs to a resolution clock: the complaint is due to be resolved. */
    static boolean isResolution(DueKind kind) {
        return kind == DueKind.RESOLUTION_WARNING || kind == DueKind.RESOLUTION_BREACH || kind == DueKind.RESOLUTION_REPEAT;
    }

    private Map<String, Object> common(String complaintId, String queue, String severity, String policy) {
        Map<String, Object> model = new HashMap<>();
        model.put("complaintId", complaintId);
        model.put("queue", queue);
        model.put("severity", severity);
        model.put("policy", policy);
        model.put("ackUrl", acknowledgeUrl(complaintId));
        return model;
    }

    private static Map<String, Object> payload(String type, Map<String, Object> model, EscalationLevel level) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("complaintId", model.get("complaintId"));
        payload.put("queue", model.get("queue"));
        payload.put("severity", model.get("severity"));
        payload.put("level", level.name());
        payload.put("acknowledgeUrl", model.get("ackUrl"));
        return payload;
    }

    private List<OutboundMessage> messages(String complaintId, EscalationLevel level, String queue, String trigger,
                                           TemplateLibrary.Rendered rendered, Map<String, Object> payload, String traceId,
                                           Function<String, String> idFor) {
        List<Recipient> recipients = routes.recipients(queue, level);
        if (recipients.isEmpty()) {
            // Nobody is configured: recorded as undeliverable so the gap shows on responses.sent.
            recipients = List.of(new Recipient(DeliveryChannel.NONE, null, null));
        }
        return recipients.stream()
                .map(r -> new OutboundMessage(idFor.apply(r.toString()), complaintId, ResponseKind.AGENT_NOTIFICATION, trigger,
                        r.channel(), r.address(), rendered.template(), rendered.subject(), rendered.body(), payload,
                        level, traceId, r.webhookSecret()))
                .toList();
    }

    /** How late a notification goes out relative to the due time it announces. */
    public Duration lateness(Instant dueAt) {
        return Duration.between(dueAt, clock.instant());
    }
}
