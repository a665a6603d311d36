package dev.heed.responder.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends a message as a plain-text e-mail over SMTP (Angus Mail). The {@code Message-ID} is derived from the
 * deterministic message id, so a repeat after a crash is recognisable as the same mail. SMTP 4xx replies and
 * connection failures are transient; 5xx replies and malformed addresses are permanent.
 *
 * <p>Connections are kept open and reused, one message at a time each, {@code connections} of them at most:
 * that is also the most e-mails in flight. A connection that failed is closed and the next message opens a new
 * one; when a reused connection turns out to have been dropped (the relay closes idle ones), the message is
 * sent once more at once on a new connection, since the relay never saw it. Thread-safe.
 */
public final class EmailTransport implements dev.heed.responder.delivery.Transport, AutoCloseable {
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final Session session;
    private final InternetAddress from;
    private final Clock clock;
    private final BlockingQueue<Connection> connections;
    private final AtomicInteger opened = new AtomicInteger();

    public EmailTransport(SmtpSettings settings, int connections, Clock clock) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one SMTP connection is needed, got " + connections);
        }
        nameTheStreamProvider();
        this.session = Session.getInstance(settings.properties(), settings.authenticator());
        this.from = settings.fromAddress();
        this.clock = clock;
        this.connections = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            this.connections.add(new Connection());
        }
    }

    /**
     * Jakarta Mail looks up its StreamProvider on every message written, through a ServiceLoader scan of the class
     * path unless a system property names it: in a profile of a burst that scan was a tenth of the whole
     * process's CPU. Naming Angus's own provider (the one the scan finds) skips it; a value set elsewhere wins.
     */
    private static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException {
        MimeMessage mail = mail(message);
        Connection connection;
        try {
            connection = connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted waiting for an SMTP connection", true, e);
        }
        try {
            connection.send(mail);
        } catch (MessagingException e) {
            int code = returnCode(e);
            boolean retry = code == 0 ? !(e instanceof SendFailedException) : code < 500;
            throw new DeliveryException("SMTP " + (code == 0 ? "" : code + " ") + e.getMessage(), retry, e);
        } finally {
            connections.add(connection);
        }
    }

    private MimeMessage mail(OutboundMessage message) throws DeliveryException {
        try {
            MimeMessage mail = new FixedIdMessage(session, messageIdHeader(message.messageId()));
            mail.setFrom(from);
            InternetAddress[] to = InternetAddress.parse(message.recipient(), true);
            if (to.length == 0) {
                throw new AddressException("no address", message.recipient());
            }
            mail.setRecipients(Message.RecipientType.TO, to);
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.body(), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            mail.setHeader("X-Heed-Feedback-Id", message.feedbackId());
            mail.setHeader("X-Heed-Template", message.template());
            mail.saveChanges();
            return mail;
        } catch (AddressException e) {
            throw new DeliveryException("bad address " + message.recipient() + ": " + e.getMessage(), false, e);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot write the mail: " + e.getMessage(), false, e);
        }
    }

    /**
     * The {@code Message-ID} header of the e-mail that carries message {@code messageId} (a {@link MessageIds} id):
     * derived from it alone, so the mail sent again after a crash carries the header the receiver has already seen.
     */
    public static String messageIdHeader(String messageId) {
        return "<" + messageId + "@heed>";
    }

    /** How many SMTP connections this transport has opened so far (reuse keeps it small). */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Says goodbye (QUIT) on every open connection. */
    @Override
    public void close() {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** One SMTP connection, used by one thread at a time (it is taken from the queue while in use). */
    private final class Connection {
        private jakarta.mail.Transport transport;

        void send(MimeMessage mail) throws MessagingException {
            boolean reused = transport != null;
            try {
                open().sendMessage(mail, mail.getAllRecipients());
            } catch (MessagingException | IllegalStateException e) {
                close();
                if (!reused || !dropped(e)) {
                    throw e instanceof MessagingException m ? m : new MessagingException(e.getMessage(), (Exception) e);
                }
                open().sendMessage(mail, mail.getAllRecipients());
            }
        }

        private jakarta.mail.Transport open() throws MessagingException {
            if (transport == null) {
                jakarta.mail.Transport fresh = session.getTransport("smtp");
                fresh.connect();
                opened.incrementAndGet();
                transport = fresh;
            }
            return transport;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // already gone
                } finally {
                    transport = null;
                }
            }
        }

        /**
         * The connection was gone before the relay answered this message: no reply code, the end of the stream where a
         * reply should be (Jakarta Mail's code -1, "[EOF]": the relay closed the idle connection and the client read
         * that before its write failed), or 421 (closing).
         */
        private static boolean dropped(Exception e) {
            if (e instanceof IllegalStateException) {
                return true; // "Not connected"
            }
            int code = returnCode((MessagingException) e);
            return code == 421 || code == EOF || code == 0 && !(e instanceof SendFailedException);
        }
    }

    /** Jakarta Mail's reply code when the relay closed the connection instead of answering. */
    private static final int EOF = -1;

    /** The SMTP reply code somewhere in the chain, 0 when the server never answered (connection failure). */
    private static int returnCode(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return 0;
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of generating a random one on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    /** How to reach the SMTP relay. */
    public record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls,
                               java.time.Duration timeout) {

        Properties properties() {
            Properties props = new Properties();
            props.put("mail.transport.protocol", "smtp");
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", Integer.toString(port));
            props.put("mail.smtp.auth", Boolean.toString(username != null));
            props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
            String millis = Long.toString(timeout.toMillis());
            props.put("mail.smtp.connectiontimeout", millis);
            props.put("mail.smtp.timeout", millis);
            props.put("mail.smtp.writetimeout", millis);
            return props;
        }

        jakarta.mail.Authenticator authenticator() {
            if (username == null) {
                return null;
            }
            return new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication(username, password);
                }
            };
        }

        InternetAddress fromAddress() {
            try {
                return new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("bad sender address " + from, e);
            }
        }

        @Override
        public String toString() {
            return "SmtpSettings[" + host + ":" + port + " from " + from + (username == null ? "" : " as " + username) + "]";
        }
    }
}
