package dev.heed.responder.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.EscalationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration REPLY_WITHIN = Duration.ofMinutes(15);

    private static ComplaintFacts feedback(String id, Instant receivedAt, boolean answered) {
        return new ComplaintFacts(id, receivedAt, null, null, null, null, EscalationLevel.AGENT, 0, false, answered, true, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ComplaintFacts complaint(String id, Instant dueAt, boolean acknowledged) {
        return new ComplaintFacts(id, NOW.minusSeconds(3600), NOW.minusSeconds(3590), dueAt, "HIGH", null,
                EscalationLevel.AGENT, 0, acknowledged, true, true, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void shouldSplitReceivedIntoAnsweredWaitingAndGap() {
        Completeness c = Completeness.of(List.of(
                feedback("praise-answered", NOW.minusSeconds(3600), true),
                feedback("praise-fresh", NOW.minusSeconds(60), false),
                feedback("praise-forgotten", NOW.minusSeconds(3600), false),
                complaint("c-acked", NOW.minusSeconds(60), true),
                complaint("c-waiting", NOW.plusSeconds(600), false),
                complaint("c-breached", NOW.minusSeconds(1), false)), NOW, REPLY_WITHIN);

        assertThat(c.received()).isEqualTo(6);
        assertThat(c.answered()).isEqualTo(2);
        assertThat(c.waiting()).isEqualTo(2);
        assertThat(c.gap()).isEqualTo(2);
        assertThat(c.received()).isEqualTo(c.answered() + c.waiting() + c.gap());
        assertThat(c.gaps()).extracting(Completeness.Gap::id).containsExactly("praise-forgotten", "c-breached");
    }

    @Test
    void shouldCountAComplaintAnsweredOnlyWhenAPersonAcknowledgedIt() {
        // The customer got the automatic "we are on it" reply, but nobody acknowledged before the due time.
        Completeness c = Completeness.of(List.of(complaint("c", NOW.minusSeconds(1), false)), NOW, REPLY_WITHIN);
        assertThat(c.answered()).isZero();
        assertThat(c.gap()).isEqualTo(1);
    }

    @Test
    void shouldTreatTheDueInstantItselfAsStillWithinTheSla() {
        Completeness c = Completeness.of(List.of(complaint("c", NOW, false), feedback("f", NOW.minus(REPLY_WITHIN), false)),
                NOW, REPLY_WITHIN);
        assertThat(c.waiting()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreIdsKnownOnlyFromARepliesOrAcknowledgements() {
        ComplaintFacts onlyAck = new ComplaintFacts("x", null, null, null, null, null, EscalationLevel.AGENT, 0, true, false, false, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(Completeness.of(List.of(onlyAck), NOW, REPLY_WITHIN).received()).isZero();
    }
}
