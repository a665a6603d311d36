package dev.heed.responder.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.FeedbackReceived;
import dev.heed.schemas.SampleEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyRoutingTest {
    private static final String HOOK = "https://zendesk.example.com/heed";
    private final ReplyRouting routing = new ReplyRouting(Map.of(
            "ZENDESK", new SourceSettings(HOOK, "whsec_x", true, null),
            "WEB_FORM", new SourceSettings(HOOK, null, false, "de")));

    private static FeedbackReceived feedback(String source, String email) {
        FeedbackReceived feedback = SampleEvents.feedback("fb-1");
        feedback.setSourceSystem(source);
        feedback.getCustomer().setEmail(email);
        return feedback;
    }

    @Test
    void shouldUseTheWebhookWhenTheSourcePrefersIt() {
        assertThat(routing.route(feedback("zendesk", "ada@example.com")))
                .isEqualTo(new ReplyRouting.Route(DeliveryChannel.WEBHOOK, HOOK, "whsec_x"));
    }

    @Test
    void shouldMailACustomerWhoGaveAnAddressOtherwise() {
        assertThat(routing.route(feedback("web-form", "ada@example.com")))
                .isEqualTo(new ReplyRouting.Route(DeliveryChannel.EMAIL, "ada@example.com", null));
        assertThat(routing.route(feedback("survey-tool", " ada@example.com ")).recipient()).isEqualTo("ada@example.com");
    }

    @Test
    void shouldFallBackToTheSourceWebhookWithoutAnAddress() {
        assertThat(routing.route(feedback("web-form", null)).channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    }

    @Test
    void shouldReportNoChannelWhenNothingReachesTheCustomer() {
        assertThat(routing.route(feedback("survey-tool", "  ")))
                .isEqualTo(new ReplyRouting.Route(DeliveryChannel.NONE, null, null));
    }

    @Test
    void shouldMatchSourcesByTheirNormalisedKey() {
        assertThat(SourceSettings.key("web-form")).isEqualTo("WEB_FORM");
        assertThat(routing.settings("Web Form").language()).isEqualTo("de");
    }
}
