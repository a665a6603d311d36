package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's responder fault, only under {@code -Pfaults}: the responder (a child JVM delivering by signed webhook)
 * killed with SIGKILL right after a receiver accepted one of its messages, and restarted, five times. A message
 * whose outcome was not recorded is delivered again under the same {@code webhook-id} with the same body, so a
 * receiver that deduplicates by id acts on every reply and notification exactly once; nothing is lost, no outcome is
 * recorded twice.
 */
class ResponderKillFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldDeliverEveryMessageAgainUnderTheSameIdWhenTheResponderIsKilledAfterTheReceiverAccepted(@TempDir Path directory)
            throws Exception {
        ResponderKillScenario.Run run = ResponderKillScenario.run(directory, 5);
        System.out.println("responder kill: " + run);
        ScenarioAssertions.assertClean(run.result(), 5);
        DeliveryCounts deliveries = run.deliveries();
        assertThat(run.inboxUnreadable()).as("webhook bodies the receiver could not read").isZero();
        assertThat(deliveries.badSignatures()).as("webhook signatures that did not verify").isZero();
        assertThat(run.missingMessages()).as("replies, escalation notices and reminders the receiver never got").isZero();
        assertThat(deliveries.keysUnderSeveralIds()).as("messages delivered under two ids: acted on twice after dedupe").isZero();
        assertThat(run.replyIdsNotDerived()).as("replies whose webhook-id is not MessageIds.reply(feedbackId)").isZero();
        assertThat(run.repeatsDifferingBeyondSendTime()).as("repeats that are not the first delivery again").isZero();
        assertThat(run.duplicateOutcomes()).as("outcomes on responses.sent beyond one per message id").isZero();
        assertThat(run.deliveredWithoutOutcome()).as("messages delivered and never recorded on responses.sent").isZero();
        assertThat(run.notSent()).as("outcomes other than SENT").isZero();
        // A kill in the window leaves the message unrecorded: the restarted responder must send it again, same id.
        assertThat(run.victimsRepeated()).as("kills in the window whose message came again: " + run.kills())
                .isEqualTo((int) run.killsInWindow());
        // A kill outside it: the sent log holds the id, so the message must not come again.
        assertThat(run.victimsRecordedButRepeated()).as("kills outside the window whose message came again all the same").isZero();
        assertThat(deliveries.repeats()).as("repeats: at least one per kill in the window").isGreaterThanOrEqualTo((int) run.killsInWindow());
        // The receiver answers at once, so every repeat should be a kill's: one without is a message the living
        // responder sent twice (before the outcome's schema id was resolved ahead of the send:
        // 48 of 110 repeated ids in a run had all their deliveries between the same two kills).
        assertThat(run.repeatsWithoutKill()).as("repeats with no kill between them and the delivery before").isZero();
        // Not vacuous: the kills landed in the window at least once, and messages flowed.
        assertThat(run.killsInWindow()).as("kills that landed between the receiver's 200 and the recorded outcome").isPositive();
        assertThat(deliveries.distinctIds()).isGreaterThan(run.result().counts().accepted());
    }
}
