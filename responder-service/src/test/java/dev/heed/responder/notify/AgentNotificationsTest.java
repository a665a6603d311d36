package dev.heed.responder.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.DueKind;
import dev.heed.events.EscalationLevel;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import dev.heed.responder.reply.TemplateLibrary;
import dev.heed.responder.reply.TimeFormat;
import dev.heed.schemas.SampleEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentNotificationsTest {
    private static final Instant BREACH = SampleEvents.T0.plus(Duration.ofHours(1));
    private final AgentRoutes routes = new AgentRoutes(Map.of("BILLING", Map.of(
            EscalationLevel.AGENT, List.of(AgentRoutesTest.BILLING_AGENTS),
            EscalationLevel.TEAM_LEAD, List.of(AgentRoutesTest.BILLING_LEAD))));

    private AgentNotifications at(Instant now, AgentRoutes routes) {
        return new AgentNotifications(new TemplateLibrary(null, "en"), routes, new TimeFormat(ZoneId.of("UTC")),
                Clock.fixed(now, ZoneOffset.UTC), "https://heed.example.com/", "en");
    }

    @Test
    void shouldTellTheQueuesAgentsOfANewComplaintAndItsDueTime() {
        List<OutboundMessage> messages = at(SampleEvents.T0.plusSeconds(2), routes).escalated(SampleEvents.escalated("fb-1"), "t:0:1");

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(ResponseKind.AGENT_NOTIFICATION);
            assertThat(m.level()).isEqualTo(EscalationLevel.AGENT);
            assertThat(m.template()).isEqualTo("agent-escalated/en");
            assertThat(m.subject()).contains("fb-1", "billing", "2026-11-20 11:15 UTC");
            assertThat(m.body()).contains("charged twice", "POST https://heed.example.com/v1/complaints/fb-1/acknowledgements");
            assertThat(m.messageId()).isEqualTo(MessageIds.escalated("fb-1", AgentRoutesTest.BILLING_AGENTS.toString()));
            assertThat(m.webhookSecret()).isEqualTo("whsec_x");
        });
    }

    @Test
    void shouldSayHowLongAComplaintIsOverdueAndAddressEveryLevelUpToItsOwn() {
        ResponseDue due = SampleEvents.responseDue("fb-1"); // TEAM_LEAD, reminder 4
        List<OutboundMessage> messages = at(BREACH.plus(Duration.ofMinutes(95)), routes).due(due, "t:0:2");

        assertThat(messages).extracting(OutboundMessage::recipient)
                .containsExactly("https://chat.example.com/billing", "lead@example.com");
        OutboundMessage first = messages.get(0);
        assertThat(first.subject()).isEqualTo("[TEAM_LEAD] Complaint fb-1 in billing is overdue by 1h 35m");
        assertThat(first.body()).contains("Reminder 4", "/v1/complaints/fb-1/acknowledgements");
        assertThat(first.payload()).containsEntry("overdueBySeconds", 95L * 60).containsEntry("level", "TEAM_LEAD")
                .containsEntry("reminderNumber", 4).containsEntry("acknowledgeUrl", "https://heed.example.com/v1/complaints/fb-1/acknowledgements");
        assertThat(messages).extracting(OutboundMessage::messageId).doesNotHaveDuplicates()
                .contains(MessageIds.reminder("fb-1", 4, AgentRoutesTest.BILLING_LEAD.toString()));
    }

    @Test
    void shouldSayHowMuchTimeIsLeftForAWarning() {
        ResponseDue warning = SampleEvents.responseDue("fb-1");
        warning.setKind(DueKind.WARNING);
        warning.setLevel(EscalationLevel.AGENT);
        warning.setReminderNumber(1);

        OutboundMessage message = at(BREACH.minus(Duration.ofMinutes(15)), routes).due(warning, "t:0:3").get(0);

        assertThat(message.subject()).isEqualTo("[AGENT] Complaint fb-1 in billing is due in 15m");
    }

    @Test
    void shouldTellOfABrokenPromiseWithTheUpdateUrlNotTheAcknowledgeUrl() {
        Instant promised = BREACH.plus(Duration.ofHours(2));
        ResponseDue broken = point(DueKind.PROMISE_BROKEN, EscalationLevel.TEAM_LEAD, promised, promised);

        OutboundMessage message = at(promised.plus(Duration.ofMinutes(20)), routes).due(broken, "t:0:5").get(0);

        assertThat(message.template()).isEqualTo("agent-promise/en");
        assertThat(message.subject()).isEqualTo("[TEAM_LEAD] Complaint fb-1 in billing: the promised update is overdue by 20m");
        assertThat(message.body()).contains("promise is broken", "Reminder 4", "POST https://heed.example.com/v1/complaints/fb-1/updates")
                .doesNotContain("/acknowledgements", "has not been acknowledged");
        assertThat(message.payload()).containsEntry("kind", "PROMISE_BROKEN").containsEntry("promisedAt", promised.toString())
                .containsEntry("updateUrl", "https://heed.example.com/v1/complaints/fb-1/updates");
    }

    @Test
    void shouldSayHowLongIsLeftBeforeAPromisedUpdate() {
        Instant promised = BREACH.plus(Duration.ofHours(2));
        ResponseDue warning = point(DueKind.PROMISE_WARNING, EscalationLevel.AGENT, promised, promised);

        OutboundMessage message = at(promised.minus(Duration.ofMinutes(30)), routes).due(warning, "t:0:6").get(0);

        assertThat(message.subject()).isEqualTo("[AGENT] Complaint fb-1 in billing: the promised update is due in 30m");
        assertThat(message.body()).contains("The update is due");
    }

    @Test
    void shouldTellOfABreachedResolutionTargetWithTheResolveUrl() {
        Instant resolveBy = BREACH.plus(Duration.ofDays(3));
        ResponseDue breach = point(DueKind.RESOLUTION_BREACH, EscalationLevel.TEAM_LEAD, resolveBy, null);

        OutboundMessage message = at(resolveBy.plus(Duration.ofHours(2)), routes).due(breach, "t:0:7").get(0);

        assertThat(message.template()).isEqualTo("agent-resolution/en");
        assertThat(message.subject()).isEqualTo("[TEAM_LEAD] Complaint fb-1 in billing: the resolution is overdue by 2h 0m");
        assertThat(message.body()).contains("is not resolved yet", "resolution target is breached", "Reminder 4",
                "POST https://heed.example.com/v1/complaints/fb-1/resolution").doesNotContain("/acknowledgements", "has not been acknowledged");
        assertThat(message.payload()).containsEntry("kind", "RESOLUTION_BREACH").containsEntry("resolveBy", resolveBy.toString())
                .containsEntry("resolveUrl", "https://heed.example.com/v1/complaints/fb-1/resolution")
                .doesNotContainKey("promisedAt");
        assertThat(message.messageId()).isEqualTo(MessageIds.reminder("fb-1", 4, AgentRoutesTest.BILLING_AGENTS.toString()));
    }

    @Test
    void shouldSayHowLongIsLeftBeforeTheResolutionIsDue() {
        Instant resolveBy = BREACH.plus(Duration.ofDays(3));
        ResponseDue warning = point(DueKind.RESOLUTION_WARNING, EscalationLevel.AGENT, resolveBy, null);

        OutboundMessage message = at(resolveBy.minus(Duration.ofHours(36)), routes).due(warning, "t:0:8").get(0);

        assertThat(message.subject()).isEqualTo("[AGENT] Complaint fb-1 in billing: the resolution is due in 36h 0m");
        assertThat(message.body()).contains("It is to be resolved by");
    }

    /** The sample due point of fb-1 (reminder 4) as a point of {@code kind} for {@code level}, breached at {@code breachAt}. */
    private static ResponseDue point(DueKind kind, EscalationLevel level, Instant breachAt, Instant promisedAt) {
        ResponseDue due = SampleEvents.responseDue("fb-1");
        due.setKind(kind);
        due.setLevel(level);
        due.setBreachAt(breachAt);
        due.setPromisedAt(promisedAt);
        return due;
    }

    @Test
    void shouldTellEveryLevelUpToTheOneAVerdictClimbedToOfTheReopeningWithTheCustomersScoreAndWords() {
        ResponseDue reopened = reopening(DueKind.REOPENED, EscalationLevel.TEAM_LEAD);
        reopened.setReopeningId("verdict-1");
        reopened.setVerdictScore(1);
        reopened.setVerdictText("Nothing arrived. It's the third time I write <b>.");

        List<OutboundMessage> messages = at(BREACH, routes).due(reopened, "t:0:7");

        assertThat(messages).extracting(OutboundMessage::recipient).containsExactly("https://chat.example.com/billing", "lead@example.com");
        assertThat(messages).extracting(OutboundMessage::messageId).containsExactly(
                MessageIds.reminder("fb-1", 5, AgentRoutesTest.BILLING_AGENTS.toString()),
                MessageIds.reminder("fb-1", 5, AgentRoutesTest.BILLING_LEAD.toString()));
        OutboundMessage first = messages.get(0);
        assertThat(first.template()).isEqualTo("agent-reopened/en");
        assertThat(first.subject()).isEqualTo("[TEAM_LEAD] Complaint fb-1 in billing is reopened: the customer answered 1 of 5");
        assertThat(first.body()).contains("answered 1 of 5:", "Nothing arrived. It's the third time I write <b>.",
                "escalated to TEAM_LEAD", "POST https://heed.example.com/v1/complaints/fb-1/updates")
                .doesNotContain("acknowledgements", "overdue");
        assertThat(first.payload()).containsEntry("type", "complaint.reopened").containsEntry("verdictScore", 1)
                .containsEntry("verdictText", "Nothing arrived. It's the third time I write <b>.").containsEntry("reopeningId", "verdict-1")
                .doesNotContainKey("reopenedBy").containsEntry("level", "TEAM_LEAD");
    }

    @Test
    void shouldTellTheAgentsWhoReopenedAComplaintInTheirLanguage() {
        ResponseDue reopened = reopening(DueKind.REOPENED, EscalationLevel.AGENT);
        reopened.setReopeningId("o-1");
        reopened.setReopenedBy("grace");
        AgentNotifications german = new AgentNotifications(new TemplateLibrary(null, "en"), routes, new TimeFormat(ZoneId.of("UTC")),
                Clock.fixed(BREACH, ZoneOffset.UTC), "https://heed.example.com/", "de");

        OutboundMessage english = at(BREACH, routes).due(reopened, "t:0:8").get(0);
        OutboundMessage deutsch = german.due(reopened, "t:0:8").get(0);

        assertThat(english.subject()).isEqualTo("[AGENT] Complaint fb-1 in billing is reopened");
        assertThat(english.body()).contains("grace reopened it.").doesNotContain("of 5");
        assertThat(english.payload()).doesNotContainKey("verdictScore").containsEntry("reopenedBy", "grace");
        assertThat(deutsch.template()).isEqualTo("agent-reopened/de");
        assertThat(deutsch.subject()).isEqualTo("[AGENT] Beschwerde fb-1 in billing ist wieder offen");
        assertThat(deutsch.body()).contains("grace hat sie wieder geöffnet.");
    }

    /** The sample due point of fb-1 as reopening number 5 at BREACH, addressed to {@code level}. */
    private static ResponseDue reopening(DueKind kind, EscalationLevel level) {
        ResponseDue due = point(kind, level, BREACH, null);
        due.setDueAt(BREACH);
        due.setReminderNumber(5);
        return due;
    }

    @Test
    void shouldRecordAnUndeliverableNotificationWhenNobodyIsConfigured() {
        List<OutboundMessage> messages = at(BREACH, new AgentRoutes(Map.of())).due(SampleEvents.responseDue("fb-1"), "t:0:4");

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(DeliveryChannel.NONE);
            assertThat(m.recipient()).isNull();
        });
    }

    @Test
    void shouldEncodeAnOddComplaintIdInTheAcknowledgeUrl() {
        assertThat(at(BREACH, routes).acknowledgeUrl("a b/c")).isEqualTo("https://heed.example.com/v1/complaints/a%20b%2Fc/acknowledgements");
    }
}
