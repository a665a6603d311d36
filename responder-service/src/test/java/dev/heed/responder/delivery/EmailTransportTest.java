package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailTransportTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static OutboundMessage message(String to) {
        return new OutboundMessage("msg_42", "fb-1", ResponseKind.CUSTOMER_REPLY, "t:0:1", DeliveryChannel.EMAIL, to,
                "praise-thanks/en", "Thank you – really", "Grüße and thanks!", Map.of(), null, null, null);
    }

    private static EmailTransport transport(int port) {
        return new EmailTransport(new EmailTransport.SmtpSettings("127.0.0.1", port, "care@example.com", null, null, false,
                Duration.ofSeconds(5)), 1, Clock.systemUTC());
    }

    @Test
    void shouldSendPlainTextMailWithTheDeterministicMessageId() throws Exception {
        transport(SMTP.getSmtp().getPort()).deliver(message("ada@example.com"));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getMessageID()).isEqualTo("<msg_42@heed>");
        assertThat(mail.getSubject()).isEqualTo("Thank you – really");
        assertThat(mail.getContent().toString()).contains("Grüße and thanks!");
        assertThat(mail.getHeader("X-Heed-Template")).containsExactly("praise-thanks/en");
    }

    @Test
    void shouldTreatAMalformedAddressAsPermanent() {
        assertThatThrownBy(() -> transport(SMTP.getSmtp().getPort()).deliver(message("not an address@@")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isFalse());
    }

    @Test
    void shouldTreatAnUnreachableServerAsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> transport(closedPort).deliver(message("ada@example.com")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.transientFailure()).isTrue());
    }
}
