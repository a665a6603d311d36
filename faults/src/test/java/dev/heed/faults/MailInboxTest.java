package dev.heed.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import dev.heed.responder.delivery.EmailTransport;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.delivery.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The SMTP receiver, fed by the responder's own {@link EmailTransport}, as in the responder kill. */
class MailInboxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static EmailTransport transport(MailInbox inbox) {
        return new EmailTransport(new EmailTransport.SmtpSettings("127.0.0.1", inbox.port(), "heed@heed.example.com", null, null,
                false, Duration.ofSeconds(5)), 1, CLOCK);
    }

    private static OutboundMessage reply(String feedbackId, String body) {
        return new OutboundMessage(MessageIds.reply(feedbackId), feedbackId, ResponseKind.CUSTOMER_REPLY, "t:0:1",
                DeliveryChannel.EMAIL, "ada@customers.example.com", "praise-thanks/en", "Thank you – really", body, Map.of(),
                null, null, null);
    }

    @Test
    void shouldRecordAnEMailUnderItsMessageIdAsTheReceiverGotIt() throws Exception {
        try (MailInbox inbox = MailInbox.start(CLOCK); EmailTransport transport = transport(inbox)) {
            transport.deliver(reply("fb-1", "Grüße and thanks!\n.a line that starts with a dot\n."));

            assertThat(inbox.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.messageId()).isEqualTo(EmailTransport.messageIdHeader(MessageIds.reply("fb-1")));
                assertThat(d.key()).isEqualTo("heed.reply|fb-1");
                assertThat(d.recipient()).isEqualTo("ada@customers.example.com");
                assertThat(d.fields()).containsEntry("subject", "Thank you – really")
                        .containsEntry("template", "praise-thanks/en").containsEntry("feedbackId", "fb-1");
                // Dot-stuffing undone: the text is what was sent, leading dots and a lone dot included.
                assertThat(d.fields().get("text").replace("\r\n", "\n")).startsWith("Grüße and thanks!\n.a line that starts with a dot\n.");
                assertThat(d.signatureValid()).isTrue();
                assertThat(d.receivedAt()).isEqualTo(CLOCK.instant());
            });
        }
    }

    @Test
    void shouldCountAMailSentAgainByARestartedSenderAsAnIdenticalRepeatOfItsMessageId() throws Exception {
        try (MailInbox inbox = MailInbox.start(CLOCK)) {
            try (EmailTransport first = transport(inbox)) {
                first.deliver(reply("fb-1", "Thanks!"));
            }
            try (EmailTransport restarted = transport(inbox)) { // a new process: new connection, same message
                restarted.deliver(reply("fb-1", "Thanks!"));
                restarted.deliver(reply("fb-2", "Thanks!"));
            }

            DeliveryCounts counts = DeliveryTally.count(inbox.deliveries());
            assertThat(counts.received()).isEqualTo(3);
            assertThat(counts.distinctIds()).isEqualTo(2);
            assertThat(counts.repeats()).isEqualTo(1);
            assertThat(counts.identicalRepeats()).isEqualTo(1);
            assertThat(counts.keysUnderSeveralIds()).isZero();
        }
    }

    @Test
    void shouldRunTheArmedActionOnlyAfterTheSenderHasItsAnswer() throws Exception {
        try (MailInbox inbox = MailInbox.start(CLOCK); EmailTransport transport = transport(inbox)) {
            CompletableFuture<Void> senderAnswered = new CompletableFuture<>();
            CompletableFuture<Boolean> answeredBeforeAction = new CompletableFuture<>();
            inbox.afterNextAnswer(d -> {
                try {
                    // Had the action run before the 250, the sender would still be waiting for it: no completion.
                    senderAnswered.get(5, TimeUnit.SECONDS);
                    answeredBeforeAction.complete(true);
                } catch (TimeoutException | InterruptedException | java.util.concurrent.ExecutionException e) {
                    answeredBeforeAction.complete(false);
                }
            });

            transport.deliver(reply("fb-1", "Thanks!"));
            senderAnswered.complete(null);

            assertThat(answeredBeforeAction.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(inbox.received()).isEqualTo(1);
        }
    }

    @Test
    void shouldReadWhatANotificationIsForFromItsTemplateAndText() {
        assertThat(MailInbox.key("agent-escalated/en", "c-1", "New complaint c-1")).isEqualTo("complaint.escalated|c-1");
        assertThat(MailInbox.key("agent-due/en", "c-1", "It is overdue by 3s.\nReminder 2, addressed to: AGENT.\n"))
                .isEqualTo("complaint.response-due|c-1|2");
        assertThat(MailInbox.key("agent-due/en", "c-1", "no number here")).isEqualTo("complaint.response-due|c-1|?");
        assertThat(MailInbox.key("complaint-ack/de", "fb-9", "Danke")).isEqualTo("heed.reply|fb-9");
    }
}
