package dev.heed.responder.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import dev.heed.events.UpdateAction;
import dev.heed.responder.ack.ComplaintDirectory.Contact;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.schemas.SampleEvents;
import dev.heed.runtime.auth.VerdictLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerUpdatesTest {
    private static final Instant NEXT = Instant.parse("2026-11-22T09:00:00Z");
    private final CustomerUpdates updates = new CustomerUpdates(new TemplateLibrary(null, "en"),
            new ReplyRouting(Map.of(
                    "SURVEY_TOOL", new SourceSettings("https://survey.example.com/r", "whsec_c2VjcmV0", true, "de"),
                    "SHOP", new SourceSettings(null, null, false, "de"))),
            new TimeFormat(ZoneId.of("Europe/Berlin")));

    private static ComplaintUpdated update(Instant nextUpdateBy, boolean delay) {
        ComplaintUpdated update = SampleEvents.updated("fb-1");
        update.setNextUpdateBy(nextUpdateBy);
        update.setDelay(delay);
        return update;
    }

    private static Contact contact(String source, String replyLanguage) {
        return new Contact(source, SampleEvents.customer(), "order-1234", replyLanguage);
    }

    @Test
    void anUpdateTellsTheCustomerTheAgentsWordsAndTheNextPromisedTimeByEMailLikeTheReply() {
        OutboundMessage message = updates.update(update(NEXT, false), contact("web-form", null), "complaints.updated:2:9");

        assertThat(message.messageId()).isEqualTo(MessageIds.update("fb-1", "upd-fb-1"));
        assertThat(message.kind()).isEqualTo(ResponseKind.CUSTOMER_UPDATE);
        assertThat(message.feedbackId()).isEqualTo("fb-1");
        assertThat(message.trigger()).isEqualTo("complaints.updated:2:9");
        assertThat(message.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(message.recipient()).isEqualTo("ada@example.com");
        assertThat(message.template()).isEqualTo("complaint-update/en");
        assertThat(message.subject()).isEqualTo("An update on your message about order-1234");
        assertThat(message.body()).startsWith("Hello Ada Lovelace,\n")
                .contains("\nThe refund is approved; it reaches your account within two days.\n\n"
                        + "You will hear from us again by 2026-11-22 10:00 CET at the latest.\n\nYour reference")
                .contains("Your reference for this message: fb-1")
                .doesNotContain("longer than we said");
        assertThat(message.payload()).containsEntry("type", "heed.update").containsEntry("updateId", "upd-fb-1")
                .containsEntry("nextUpdateBy", NEXT.toString()).containsEntry("customerId", "c-42");
    }

    @Test
    void anUpdateWithoutAPromiseNamesNoTimeAndLeavesNoEmptyParagraph() {
        OutboundMessage message = updates.update(update(null, false), contact("web-form", null), "t");

        assertThat(message.body())
                .contains("\nThe refund is approved; it reaches your account within two days.\n\nYour reference for this message: fb-1")
                .doesNotContain("hear from us again");
        assertThat(message.payload()).doesNotContainKey("nextUpdateBy");
    }

    @Test
    void aDelaySaysThatItTakesLongerThanPromised() {
        OutboundMessage message = updates.update(update(NEXT, true), contact("web-form", null), "t");

        assertThat(message.body()).contains("This is taking longer than we said, and we are sorry for that. You will hear from us again by");
        assertThat(message.payload()).containsEntry("delay", true);
    }

    @Test
    void theUpdateIsWrittenInTheLanguageOfTheReplyTheCustomerGotBeforeTheirPreferredOne() {
        OutboundMessage message = updates.update(update(NEXT, false), contact("web-form", "de"), "t");

        assertThat(message.template()).isEqualTo("complaint-update/de");
        assertThat(message.subject()).isEqualTo("Neues zu Ihrer Nachricht zu order-1234");
        assertThat(message.body()).contains("Sie hören spätestens bis 2026-11-22 10:00 CET wieder von uns.");
    }

    @Test
    void withoutAKnownReplyLanguageTheCustomersPreferredThenTheSourcesLanguageIsUsed() {
        Customer noLanguage = Customer.newBuilder(SampleEvents.customer()).setPreferredLanguage(null).build();

        assertThat(updates.update(update(null, false), contact("shop", null), "t").template()).isEqualTo("complaint-update/en");
        assertThat(updates.update(update(null, false), new Contact("shop", noLanguage, null, null), "t").template())
                .isEqualTo("complaint-update/de");
    }

    @Test
    void aSourceThatPrefersItsWebhookGetsTheUpdateThereWithItsSecret() {
        OutboundMessage message = updates.update(update(null, false), contact("survey-tool", null), "t");

        assertThat(message.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
        assertThat(message.recipient()).isEqualTo("https://survey.example.com/r");
        assertThat(message.webhookSecret()).isEqualTo("whsec_c2VjcmV0");
    }

    @Test
    void aCustomerWithNeitherAddressNorSourceWebhookHasNoChannel() {
        Customer anonymous = Customer.newBuilder(SampleEvents.customer()).setEmail(null).build();

        OutboundMessage message = updates.update(update(null, false), new Contact("web-form", anonymous, null, null), "t");

        assertThat(message.channel()).isEqualTo(DeliveryChannel.NONE);
        assertThat(message.recipient()).isNull();
    }

    @Test
    void anUnaddressedUpdateKeepsItsIdSoItIsRecordedOnce() {
        OutboundMessage message = updates.unaddressed(update(null, false), "complaints.updated:0:1");

        assertThat(message.messageId()).isEqualTo(MessageIds.update("fb-1", "upd-fb-1"));
        assertThat(message.channel()).isEqualTo(DeliveryChannel.NONE);
        assertThat(message.template()).isEqualTo("complaint-update");
    }

    @Test
    void updateIdsDifferFromReplyIdsAndFromEachOther() {
        assertThat(MessageIds.update("fb-1", "u-1")).isNotEqualTo(MessageIds.update("fb-1", "u-2"))
                .isNotEqualTo(MessageIds.reply("fb-1")).isEqualTo(MessageIds.update("fb-1", "u-1"));
    }

    private static ComplaintUpdated acting(UpdateAction action, Instant nextUpdateBy) {
        ComplaintUpdated update = update(nextUpdateBy, false);
        update.setAction(action);
        return update;
    }

    @Test
    void aResolutionHasItsOwnTemplateInEveryLanguageOfTheUpdateAndTheSameKindChannelAndId() {
        OutboundMessage message = updates.update(acting(UpdateAction.RESOLVE, null), contact("web-form", null), "complaints.updated:1:4");

        assertThat(message.template()).isEqualTo("complaint-resolved/en");
        assertThat(message.kind()).isEqualTo(ResponseKind.CUSTOMER_UPDATE);
        assertThat(message.channel()).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(message.messageId()).isEqualTo(MessageIds.update("fb-1", "upd-fb-1"));
        assertThat(message.subject()).isEqualTo("Your message about order-1234 is resolved");
        assertThat(message.body()).startsWith("Hello Ada Lovelace,\n")
                .contains("your message is resolved:\n\nThe refund is approved; it reaches your account within two days.\n\nYour reference for this message: fb-1")
                .doesNotContain("hear from us again");
        assertThat(message.payload()).containsEntry("type", "heed.update").containsEntry("action", "RESOLVE")
                .containsEntry("template", "complaint-resolved/en");

        OutboundMessage german = updates.update(acting(UpdateAction.RESOLVE, null), contact("web-form", "de"), "t");
        assertThat(german.template()).isEqualTo("complaint-resolved/de");
        assertThat(german.subject()).isEqualTo("Ihre Nachricht zu order-1234 ist erledigt");
        assertThat(german.body()).contains("Ihre Nachricht ist erledigt:\n\nThe refund is approved");
    }

    @Test
    void anAutomaticCloseTellsTheCustomerWhyAndWhatAnAnswerDoesInEveryLanguageAndAsksNoVerdict() {
        ComplaintUpdated close = acting(UpdateAction.RESOLVE, null);
        close.setUpdateId("auto-close:fb-1:1");
        close.setMessage("Closed automatically: no answer from the customer while the complaint waited on them.");

        OutboundMessage english = asking.update(close, contact("web-form", null), "t");
        assertThat(english.template()).isEqualTo("complaint-auto-closed/en");
        assertThat(english.messageId()).isEqualTo(MessageIds.update("fb-1", "auto-close:fb-1:1"));
        assertThat(english.subject()).isEqualTo("We have closed your message about order-1234");
        assertThat(english.body()).startsWith("Hello Ada Lovelace,\n")
                .contains("have not heard back from you, so we have closed it.")
                .contains("Your answer does not reopen this message: it reaches us as a new one")
                .contains("Your reference for the closed message: fb-1")
                .doesNotContain("Closed automatically").doesNotContain("How did we do");
        assertThat(english.payload()).containsEntry("action", "RESOLVE").containsEntry("template", "complaint-auto-closed/en")
                .doesNotContainKey("verdictUrl");

        OutboundMessage german = asking.update(close, contact("web-form", "de"), "t");
        assertThat(german.template()).isEqualTo("complaint-auto-closed/de");
        assertThat(german.subject()).isEqualTo("Wir haben Ihre Nachricht zu order-1234 geschlossen");
        assertThat(german.body()).contains("keine Antwort von Ihnen erhalten. Deshalb haben wir sie geschlossen.")
                .contains("Ihre Antwort öffnet diese Nachricht nicht wieder").doesNotContain("Wie zufrieden");
        assertThat(updates.unaddressed(close, "t").template()).isEqualTo("complaint-auto-closed");

        ComplaintUpdated notAResolution = acting(UpdateAction.UPDATE, null);
        notAResolution.setUpdateId("auto-close:fb-1:1");
        assertThat(updates.update(notAResolution, contact("web-form", null), "t").template()).isEqualTo("complaint-update/en");
    }

    @Test
    void aReopeningHasItsOwnTemplateWithTheNextPromisedTimeWhenItMakesOne() {
        OutboundMessage message = updates.update(acting(UpdateAction.REOPEN, NEXT), contact("web-form", null), "t");

        assertThat(message.template()).isEqualTo("complaint-reopened/en");
        assertThat(message.kind()).isEqualTo(ResponseKind.CUSTOMER_UPDATE);
        assertThat(message.subject()).isEqualTo("We have taken up your message about order-1234 again");
        assertThat(message.body()).contains("we have taken it up again:\n\nThe refund is approved")
                .contains("You will hear from us again by 2026-11-22 10:00 CET at the latest.");
        assertThat(message.payload()).containsEntry("action", "REOPEN");

        OutboundMessage german = updates.update(acting(UpdateAction.REOPEN, null), contact("web-form", "de"), "t");
        assertThat(german.template()).isEqualTo("complaint-reopened/de");
        assertThat(german.body()).contains("wir nehmen sie wieder auf:").doesNotContain("Sie hören");
    }

    @Test
    void anUnaddressedResolutionIsRecordedUnderItsOwnTemplateAndAnUnknownActionIsToldAsAnUpdate() {
        assertThat(updates.unaddressed(acting(UpdateAction.RESOLVE, null), "t").template()).isEqualTo("complaint-resolved");
        assertThat(updates.unaddressed(acting(UpdateAction.REOPEN, null), "t").template()).isEqualTo("complaint-reopened");
        assertThat(updates.update(acting(UpdateAction.UNKNOWN, null), contact("web-form", null), "t").template())
                .isEqualTo("complaint-update/en");
    }

    private static final String SECRET = "the-verdict-secret-of-the-tests";
    private final CustomerUpdates asking = new CustomerUpdates(new TemplateLibrary(null, "en"),
            new ReplyRouting(Map.of("SURVEY_TOOL", new SourceSettings("https://survey.example.com/r", "whsec_c2VjcmV0", true, "de"))),
            new TimeFormat(ZoneId.of("Europe/Berlin")),
            Optional.of(new VerdictQuestion(new VerdictLinks(SECRET), "https://feedback.example.com/", Duration.ofDays(5))));

    @Test
    void aResolutionAsksHowWeDidThroughALinkSignedForTheComplaintAndTheResolutionInEveryLanguageAndChannel() {
        ComplaintUpdated resolution = acting(UpdateAction.RESOLVE, null);
        Instant expires = resolution.getUpdatedAt().plus(Duration.ofDays(5));
        String link = new VerdictLinks(SECRET).link("https://feedback.example.com", "fb-1", "upd-fb-1", expires);
        assertThat(link).startsWith("https://feedback.example.com/v1/complaints/fb-1/verdict?resolution=upd-fb-1&expires="
                + expires.getEpochSecond() + "&sig=");

        OutboundMessage english = asking.update(resolution, contact("web-form", null), "t");
        assertThat(english.body()).contains("The refund is approved; it reaches your account within two days.\n\n"
                + "How did we do? Tell us in one click, from 1 (bad) to 5 (good), and in a few words if you like:\n" + link
                + "\n\nYour reference for this message: fb-1");
        OutboundMessage german = asking.update(resolution, contact("web-form", "de"), "t");
        assertThat(german.body()).contains("Wie zufrieden sind Sie mit uns?").contains("\n" + link + "\n");
        OutboundMessage webhook = asking.update(resolution, contact("survey-tool", null), "t");
        assertThat(webhook.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
        assertThat(webhook.payload()).containsEntry("verdictUrl", link);
        // The same message when it is sent again: the link counts from the resolution's own time, not the clock.
        assertThat(asking.update(resolution, contact("web-form", null), "t").body()).isEqualTo(english.body());
    }

    @Test
    void onlyAResolutionAsksAndNoneAsksWhenVerdictsAreNotTaken() {
        assertThat(asking.update(acting(UpdateAction.UPDATE, null), contact("web-form", null), "t").body()).doesNotContain("How did we do");
        assertThat(asking.update(acting(UpdateAction.REOPEN, null), contact("survey-tool", null), "t").payload())
                .doesNotContainKey("verdictUrl");
        OutboundMessage unasked = updates.update(acting(UpdateAction.RESOLVE, null), contact("web-form", null), "t");
        assertThat(unasked.body()).doesNotContain("How did we do").doesNotContain("/verdict");
        assertThat(unasked.payload()).doesNotContainKey("verdictUrl");
    }
}
