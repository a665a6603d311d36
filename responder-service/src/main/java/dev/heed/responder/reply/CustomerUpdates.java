package dev.heed.responder.reply;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.ComplaintDirectory.Contact;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.schemas.topics.TopicNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an update an agent gave on a complaint (complaints.updated) into the message its customer gets: the agent's
 * words as they were written, in template {@value #TEMPLATE} ({@value #RESOLVED_TEMPLATE} when the update resolves the
 * complaint, {@value #REOPENED_TEMPLATE} when it reopens it, {@value #AUTO_CLOSED_TEMPLATE} when routing closed the
 * complaint itself because the customer did not answer while it waited on them, in its own words and not the update's),
 * with the next promised time when the update makes one.
 * It goes where the complaint's first reply went ({@link ReplyRouting} on the customer and source of the complaint's
 * escalation), in the language that reply was written in, else the customer's preferred language, else the source's.
 * The id is one per (complaint, update id), so a retried update reaches the customer once. A resolution asks the
 * customer how it went, through a signed link ({@link VerdictQuestion}, {@code verdictUrl} in the template and the
 * webhook payload) when verdicts are taken; an automatic close asks nothing (nobody worked on the complaint since).
 */
public final class CustomerUpdates {
    public static final String TEMPLATE = "complaint-update";
    public static final String RESOLVED_TEMPLATE = "complaint-resolved";
    public static final String REOPENED_TEMPLATE = "complaint-reopened";
    /** The resolution routing writes itself, update id {@code auto-close:...}, for a customer who did not answer. */
    public static final String AUTO_CLOSED_TEMPLATE = "complaint-auto-closed";
    /** Every template an update may be written in; each ships in every language the update template does. */
    public static final List<String> TEMPLATES = List.of(TEMPLATE, RESOLVED_TEMPLATE, REOPENED_TEMPLATE, AUTO_CLOSED_TEMPLATE);

    private final TemplateLibrary templates;
    private final ReplyRouting routing;
    private final TimeFormat times;
    private final Optional<VerdictQuestion> question;

    /** Resolutions ask no question. */
    public CustomerUpdates(TemplateLibrary templates, ReplyRouting routing, TimeFormat times) {
        this(templates, routing, times, Optional.empty());
    }

    /** @param question the link a resolution asks its customer's verdict through, when verdicts are taken */
    public CustomerUpdates(TemplateLibrary templates, ReplyRouting routing, TimeFormat times, Optional<VerdictQuestion> question) {
        this.templates = templates;
        this.routing = routing;
        this.times = times;
        this.question = question;
    }

    public OutboundMessage update(ComplaintUpdated update, Contact contact, String trigger) {
        TemplateLibrary.Rendered rendered = templates.render(template(update), language(contact), model(update, contact));
        ReplyRouting.Route route = routing.route(contact.sourceSystem(), contact.customer());
        return new OutboundMessage(messageId(update), update.getComplaintId(), ResponseKind.CUSTOMER_UPDATE, trigger,
                route.channel(), route.recipient(), rendered.template(), rendered.subject(), rendered.body(),
                payload(update, contact, rendered.template()), null, null, route.webhookSecret());
    }

    /** The record of an update whose customer is not known: nothing is rendered, nothing can be sent. */
    public OutboundMessage unaddressed(ComplaintUpdated update, String trigger) {
        return new OutboundMessage(messageId(update), update.getComplaintId(), ResponseKind.CUSTOMER_UPDATE, trigger,
                DeliveryChannel.NONE, null, template(update), "", "", Map.of(), null, null, null);
    }

    /** The template of an update by its action; an action this version does not know (UNKNOWN) is told as an update. */
    static String template(ComplaintUpdated update) {
        return switch (update.getAction()) {
            case RESOLVE -> closedAutomatically(update) ? AUTO_CLOSED_TEMPLATE : RESOLVED_TEMPLATE;
            case REOPEN -> REOPENED_TEMPLATE;
            default -> TEMPLATE;
        };
    }

    /** Whether routing closed the complaint itself: a resolution under its own {@code auto-close:} update id. */
    static boolean closedAutomatically(ComplaintUpdated update) {
        return update.getAction() == UpdateAction.RESOLVE && update.getUpdateId().startsWith(TopicNames.AUTO_CLOSE_UPDATE_PREFIX);
    }

    public static String messageId(ComplaintUpdated update) {
        return MessageIds.update(update.getComplaintId(), update.getUpdateId());
    }

    private String language(Contact contact) {
        if (contact.replyLanguage() != null) {
            return contact.replyLanguage();
        }
        Customer customer = contact.customer();
        if (customer != null && customer.getPreferredLanguage() != null) {
            return customer.getPreferredLanguage();
        }
        // Null falls back to the default language in the template library.
        return routing.settings(contact.sourceSystem()).language();
    }

    private Map<String, Object> model(ComplaintUpdated update, Contact contact) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", contact.customer() == null ? null : contact.customer().getDisplayName());
        model.put("reference", contact.reference());
        model.put("complaintId", update.getComplaintId());
        model.put("message", update.getMessage());
        model.put("promise", update.getNextUpdateBy() != null);
        model.put("delay", update.getDelay() && update.getNextUpdateBy() != null);
        model.put("nextUpdateBy", update.getNextUpdateBy() == null ? null : times.time(update.getNextUpdateBy()));
        model.put("verdictUrl", verdictUrl(update));
        return model;
    }

    /** The link of a resolution's question, null for any other update, an automatic close, or when verdicts are not taken. */
    private String verdictUrl(ComplaintUpdated update) {
        return update.getAction() == UpdateAction.RESOLVE && !closedAutomatically(update) ? question.map(q -> q.link(update)).orElse(null) : null;
    }

    private Map<String, Object> payload(ComplaintUpdated update, Contact contact, String template) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "heed.update");
        payload.put("feedbackId", update.getComplaintId());
        payload.put("updateId", update.getUpdateId());
        payload.put("reference", contact.reference());
        payload.put("customerId", contact.customer() == null ? null : contact.customer().getId());
        payload.put("template", template);
        payload.put("nextUpdateBy", update.getNextUpdateBy() == null ? null : update.getNextUpdateBy().toString());
        payload.put("delay", update.getDelay());
        payload.put("action", update.getAction().name());
        payload.put("verdictUrl", verdictUrl(update));
        payload.values().removeIf(Objects::isNull);
        return payload;
    }
}
