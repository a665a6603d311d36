package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.heed.events.DeliveryChannel;
import dev.heed.events.ResponseKind;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
        return transport(port, 1);
    }

    private static EmailTransport transport(int port, int connections) {
        return new EmailTransport(new EmailTransport.SmtpSettings("127.0.0.1", port, "care@example.com", null, null, false,
                Duration.ofSeconds(5)), connections, Clock.systemUTC());
    }

    private static OutboundMessage message(int n) {
        return new OutboundMessage("msg_" + n, "fb-" + n, ResponseKind.CUSTOMER_REPLY, "t:0:" + n, DeliveryChannel.EMAIL,
                "c" + n + "@example.com", "praise-thanks/en", "Thanks", "Thanks!", Map.of(), null, null, null);
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

    @Test
    void shouldSendManyMessagesOverOneConnection() throws Exception {
        try (EmailTransport transport = transport(SMTP.getSmtp().getPort())) {
            for (int i = 0; i < 10; i++) {
                transport.deliver(message(i));
            }

            assertThat(SMTP.getReceivedMessages()).hasSize(10);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void shouldUseNoMoreConnectionsThanAllowedWhenSendingFromManyThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (EmailTransport transport = transport(SMTP.getSmtp().getPort(), 3)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                OutboundMessage next = message(i);
                sends.add(threads.submit(() -> {
                    transport.deliver(next);
                    return null;
                }));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }

            assertThat(SMTP.getReceivedMessages()).hasSize(40);
            assertThat(transport.connectionsOpened()).isBetween(1, 3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldReconnectOnceWhenTheRelayDroppedAReusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail relay = new GreenMail(setup);
        relay.start();
        try (EmailTransport transport = transport(port)) {
            transport.deliver(message(1));
            // The relay goes away and comes back: the kept connection is dead, as after an idle timeout.
            relay.stop();
            relay = new GreenMail(setup);
            relay.start();

            transport.deliver(message(2));

            assertThat(relay.getReceivedMessages()).singleElement()
                    .satisfies(mail -> assertThat(mail.getMessageID()).isEqualTo("<msg_2@heed>"));
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        } finally {
            relay.stop();
        }
    }
}
