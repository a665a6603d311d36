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

    @Test
    void shouldReconnectOnceWhenTheRelayClosedAReusedConnectionAtTheNextCommand() throws Exception {
        // The race the test above leaves to timing, made certain: the relay reads the next MAIL FROM on the kept
        // connection and closes it without a reply, so the client reads the end of the stream (Jakarta Mail's -1).
        try (DroppingRelay relay = new DroppingRelay(); EmailTransport transport = transport(relay.port())) {
            transport.deliver(message(1));
            transport.deliver(message(2));

            assertThat(relay.delivered()).containsExactly(1, 2);
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }

    /**
     * A scripted SMTP relay: on its first connection it takes one message and then closes the connection when the next
     * MAIL FROM comes, as a relay that timed the idle connection out does; every later connection takes what comes.
     */
    private static final class DroppingRelay implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final List<Integer> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread = new Thread(this::serve, "dropping-relay");

        DroppingRelay() throws java.io.IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<Integer> delivered() {
            return List.copyOf(delivered);
        }

        private void serve() {
            for (int connection = 1; !server.isClosed(); connection++) {
                try (java.net.Socket socket = server.accept();
                     var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                             java.nio.charset.StandardCharsets.US_ASCII));
                     var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(socket.getOutputStream(),
                             java.nio.charset.StandardCharsets.US_ASCII), true)) {
                    session(connection, in, out);
                } catch (java.io.IOException e) {
                    return; // closed
                }
            }
        }

        private void session(int connection, java.io.BufferedReader in, java.io.PrintWriter out) throws java.io.IOException {
            out.print("220 relay ready\r\n");
            out.flush();
            int taken = 0;
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("MAIL FROM") && connection == 1 && taken == 1) {
                    return; // closes the connection without a reply
                }
                if (command.startsWith("DATA")) {
                    out.print("354 go ahead\r\n");
                    out.flush();
                    String body = "";
                    for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                        body += data + "\n";
                    }
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile("Message-ID: <msg_(\\d+)@heed>").matcher(body);
                    delivered.add(id.find() ? Integer.parseInt(id.group(1)) : -1);
                    taken++;
                    out.print("250 taken\r\n");
                } else if (command.startsWith("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.print("250 ok\r\n");
                }
                out.flush();
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5_000);
        }
    }
}
