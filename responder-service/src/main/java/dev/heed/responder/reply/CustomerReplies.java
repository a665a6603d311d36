package dev.heed.responder.reply;

import dev.heed.events.CategoryScore;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseKind;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a classified feedback (and, for a complaint, its escalation) into the one reply its customer gets:
 * the template by {@link ReplyTemplate#choose}, the language by customer, classifier, source and default,
 * the channel by {@link ReplyRouting}. A complaint reply names its due time only when the escalation gave
 * one; it promises nothing else.
 */
public final class CustomerReplies {
    private final TemplateLibrary templates;
    private final ReplyRouting routing;
    private final TimeFormat times;

    public CustomerReplies(TemplateLibrary templates, ReplyRouting routing, TimeFormat times) {
        this.templates = templates;
        this.routing = routing;
        this.times = times;
    }

    public OutboundMessage reply(FeedbackClassified classified, Optional<Escalation> escalation, String trigger) {
        FeedbackReceived feedback = classified.getFeedback();
        ReplyTemplate choice = ReplyTemplate.choose(classified.getClassification(), escalation.isPresent());
        TemplateLibrary.Rendered rendered = templates.render(choice.templateName(), language(classified), model(classified, escalation));
        ReplyRouting.Route route = routing.route(feedback);
        return new OutboundMessage(MessageIds.reply(feedback.getEventId()), feedback.getEventId(), ResponseKind.CUSTOMER_REPLY,
                trigger, route.channel(), route.recipient(), rendered.template(), rendered.subject(), rendered.body(),
                payload(feedback, rendered, escalation), null, feedback.getTraceId(), route.webhookSecret());
    }

    private String language(FeedbackClassified classified) {
        Customer customer = classified.getFeedback().getCustomer();
        if (customer != null && customer.getPreferredLanguage() != null) {
            return customer.getPreferredLanguage();
        }
        String detected = classified.getClassification().getLanguage();
        if (detected != null && !detected.equals("und")) {
            return detected;
        }
        return routing.settings(classified.getFeedback().getSourceSystem()).language();
    }

    private Map<String, Object> model(FeedbackClassified classified, Optional<Escalation> escalation) {
        FeedbackReceived feedback = classified.getFeedback();
        Map<String, Object> model = new HashMap<>();
        model.put("name", feedback.getCustomer() == null ? null : feedback.getCustomer().getDisplayName());
        model.put("subject", feedback.getSubject());
        model.put("reference", feedback.getReference());
        model.put("feedbackId", feedback.getEventId());
        model.put("topic", topic(classified));
        model.put("team", escalation.map(e -> humanise(e.queue())).orElse(null));
        model.put("dueAt", escalation.map(e -> times.time(e.firstResponseDueAt())).orElse(null));
        return model;
    }

    private static String topic(FeedbackClassified classified) {
        return classified.getClassification().getCategories().stream().findFirst()
                .map(CategoryScore::getCategory).filter(c -> !c.name().equals("OTHER"))
                .map(c -> humanise(c.name())).orElse(null);
    }

    private static String humanise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    private static Map<String, Object> payload(FeedbackReceived feedback, TemplateLibrary.Rendered rendered,
                                               Optional<Escalation> escalation) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "heed.reply");
        payload.put("feedbackId", feedback.getEventId());
        payload.put("reference", feedback.getReference());
        payload.put("customerId", feedback.getCustomer() == null ? null : feedback.getCustomer().getId());
        payload.put("template", rendered.template());
        escalation.ifPresent(e -> payload.put("dueAt", e.firstResponseDueAt().toString()));
        payload.values().removeIf(java.util.Objects::isNull);
        return payload;
    }
}
