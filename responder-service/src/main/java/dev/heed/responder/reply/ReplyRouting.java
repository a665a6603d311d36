package dev.heed.responder.reply;

import dev.heed.events.Customer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.FeedbackReceived;
import java.util.Map;

/**
 * Chooses how a customer is answered. The source may prefer its webhook (it shows the reply in its own
 * conversation); otherwise a customer who gave an e-mail address gets an e-mail, and a source with a
 * webhook gets the reply to pass on. With neither, the reply is recorded as undeliverable: never dropped
 * silently.
 */
public final class ReplyRouting {
    private final Map<String, SourceSettings> sources;

    /** @param sources settings by {@link SourceSettings#key(String)} */
    public ReplyRouting(Map<String, SourceSettings> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** Where a reply goes: channel NONE with a null recipient when nothing can reach the customer. */
    public record Route(DeliveryChannel channel, String recipient, String webhookSecret) {}

    public SourceSettings settings(String sourceSystem) {
        return sources.getOrDefault(SourceSettings.key(sourceSystem), SourceSettings.NONE);
    }

    public Route route(FeedbackReceived feedback) {
        return route(feedback.getSourceSystem(), feedback.getCustomer());
    }

    /** The same choice for a customer known from a complaint's escalation: an update goes where the reply went. */
    public Route route(String sourceSystem, Customer customer) {
        SourceSettings source = settings(sourceSystem);
        String email = email(customer);
        if (source.hasWebhook() && (source.preferWebhook() || email == null)) {
            return new Route(DeliveryChannel.WEBHOOK, source.webhookUrl(), source.webhookSecret());
        }
        if (email != null) {
            return new Route(DeliveryChannel.EMAIL, email, null);
        }
        return new Route(DeliveryChannel.NONE, null, null);
    }

    private static String email(Customer customer) {
        String email = customer == null ? null : customer.getEmail();
        return email == null || email.isBlank() ? null : email.trim();
    }
}
