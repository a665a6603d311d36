package dev.heed.responder.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.EscalationLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRoutesTest {
    static final Recipient BILLING_AGENTS = Recipient.parse("https://chat.example.com/billing", "whsec_x");
    static final Recipient BILLING_LEAD = Recipient.parse("mailto:lead@example.com", null);
    static final Recipient DEFAULT_AGENTS = Recipient.parse("agents@example.com", null);
    static final Recipient MANAGER = Recipient.parse("manager@example.com", null);

    private final AgentRoutes routes = new AgentRoutes(Map.of(
            "BILLING", Map.of(EscalationLevel.AGENT, List.of(BILLING_AGENTS), EscalationLevel.TEAM_LEAD, List.of(BILLING_LEAD)),
            AgentRoutes.DEFAULT_QUEUE, Map.of(EscalationLevel.AGENT, List.of(DEFAULT_AGENTS), EscalationLevel.MANAGER, List.of(MANAGER))));

    @Test
    void shouldTellOnlyTheQueuesAgentsAtAgentLevel() {
        assertThat(routes.recipients("billing", EscalationLevel.AGENT)).containsExactly(BILLING_AGENTS);
    }

    @Test
    void shouldAddTheTeamLeadAndThenTheManagerAsTheLevelClimbs() {
        assertThat(routes.recipients("billing", EscalationLevel.TEAM_LEAD)).containsExactly(BILLING_AGENTS, BILLING_LEAD);
        assertThat(routes.recipients("billing", EscalationLevel.MANAGER)).containsExactly(BILLING_AGENTS, BILLING_LEAD, MANAGER);
    }

    @Test
    void shouldFallBackToTheDefaultQueuePerLevel() {
        assertThat(routes.recipients("delivery", EscalationLevel.AGENT)).containsExactly(DEFAULT_AGENTS);
        assertThat(routes.recipients("delivery", EscalationLevel.TEAM_LEAD)).containsExactly(DEFAULT_AGENTS);
    }

    @Test
    void shouldHandleAnUnknownLevelAsTheHighest() {
        assertThat(routes.recipients("billing", EscalationLevel.UNKNOWN)).containsExactly(BILLING_AGENTS, BILLING_LEAD, MANAGER);
    }

    @Test
    void shouldReturnNobodyWhenNothingIsConfigured() {
        assertThat(new AgentRoutes(Map.of()).recipients("billing", EscalationLevel.MANAGER)).isEmpty();
    }

    @Test
    void shouldParseRecipientsByTheirForm() {
        assertThat(BILLING_AGENTS.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
        assertThat(BILLING_AGENTS.webhookSecret()).isEqualTo("whsec_x");
        assertThat(BILLING_LEAD).isEqualTo(new Recipient(DeliveryChannel.EMAIL, "lead@example.com", null));
        assertThatThrownBy(() -> Recipient.parse("not-an-address", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
