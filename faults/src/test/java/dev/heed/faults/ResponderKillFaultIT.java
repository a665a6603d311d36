package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's responder fault, only under {@code -Pfaults}: the responder (a child JVM delivering by signed webhook
 * and by e-mail over SMTP) killed with SIGKILL right after a receiver accepted one of its messages (a webhook's 200,
 * an e-mail's 250), and restarted, five times. A message whose outcome was not recorded is delivered again under the
 * same id ({@code webhook-id}, {@code Message-ID}) with the same content, so a receiver that deduplicates by id acts
 * on every reply and notification exactly once, on either channel; nothing is lost, no outcome is recorded twice.
 */
class ResponderKillFaultIT {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldDeliverEveryMessageAgainUnderTheSameIdWhenTheResponderIsKilledAfterTheReceiverAccepted(@TempDir Path directory)
            throws Exception {
        ResponderKillScenario.Run run = ResponderKillScenario.run(directory, 5);
        System.out.println("responder kill: " + run);
        ScenarioAssertions.assertClean(run.result(), 5);
        assertThat(run.duplicateOutcomes()).as("outcomes on responses.sent beyond one per message id").isZero();
        assertThat(run.notSent()).as("outcomes other than SENT").isZero();
        SoftAssertions soft = new SoftAssertions();
        for (ResponderKillScenario.ChannelRun c : run.channels()) {
            String on = c.channel().plural + ": ";
            DeliveryCounts deliveries = c.deliveries();
            soft.assertThat(c.unreadable()).as(on + "messages the receiver could not read").isZero();
            soft.assertThat(deliveries.badSignatures()).as(on + "signatures that did not verify").isZero();
            soft.assertThat(c.missingMessages()).as(on + "replies, escalation notices and reminders the receiver never got").isZero();
            soft.assertThat(deliveries.keysUnderSeveralIds()).as(on + "messages delivered under two ids: acted on twice after dedupe").isZero();
            soft.assertThat(c.idsNotDerived()).as(on + "messages whose id is not MessageIds' for what they are and to whom").isZero();
            soft.assertThat(c.repeatsDifferingBeyondSendTime()).as(on + "repeats that are not the first delivery again").isZero();
            soft.assertThat(c.deliveredWithoutOutcome()).as(on + "messages delivered and never recorded on responses.sent").isZero();
            // Every outcome carries the id the receiver got (for an e-mail, as its Message-ID).
            soft.assertThat(c.outcomesNotReceived()).as(on + "outcomes recorded under an id the receiver never got").isZero();
            // A kill in the window leaves the message unrecorded: the restarted responder must send it again, same id.
            soft.assertThat(c.victimsRepeated()).as(on + "kills in the window whose message came again: " + run.kills())
                    .isEqualTo(c.killsInWindow());
            // A kill outside it: the sent log holds the id, so the message must not come again.
            soft.assertThat(c.victimsRecordedButRepeated()).as(on + "kills outside the window whose message came again all the same").isZero();
            soft.assertThat(deliveries.repeats()).as(on + "repeats: at least one per kill in the window").isGreaterThanOrEqualTo(c.killsInWindow());
            // The receivers answer at once, so every repeat should be a kill's: one without is a message the living
            // responder sent twice (before the outcome's schema id was resolved ahead of the send:
            // 48 of 110 repeated ids in a run had all their deliveries between the same two kills).
            soft.assertThat(c.repeatsWithoutKill()).as(on + "repeats with no kill between them and the delivery before").isZero();
            // Not vacuous: each receiver's kills landed in the window at least once, and messages flowed on both channels.
            soft.assertThat(c.killsInWindow()).as(on + "kills that landed between the receiver's answer and the recorded outcome").isPositive();
            soft.assertThat(deliveries.distinctIds()).as(on + "distinct ids").isGreaterThan(run.result().counts().accepted() / 2);
        }
        soft.assertAll();
    }
}
