package dev.heed.responder.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends a message as a plain-text e-mail over SMTP (Angus Mail). The {@code Message-ID} is derived from the
 * deterministic message id, so a repeat after a crash is recognisable as the same mail. SMTP 4xx replies and
 * connection failures are transient; 5xx replies and malformed addresses are permanent.
 */
public final class EmailTransport implements dev.heed.responder.delivery.Transport {
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    public EmailTransport(SmtpSettings settings, Clock clock) {
        this.session = Session.getInstance(settings.properties(), settings.authenticator());
        this.from = settings.fromAddress();
        this.clock = clock;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryException {
        try {
            MimeMessage mail = new FixedIdMessage(session, "<" + message.messageId() + "@heed>");
            mail.setFrom(from);
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.body(), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            mail.setHeader("X-Heed-Feedback-Id", message.feedbackId());
            mail.setHeader("X-Heed-Template", message.template());
            Transport.send(mail);
        } catch (AddressException e) {
            throw new DeliveryException("bad address " + message.recipient() + ": " + e.getMessage(), false, e);
        } catch (MessagingException e) {
            int code = returnCode(e);
            boolean retry = code == 0 ? !(e instanceof SendFailedException) : code < 500;
            throw new DeliveryException("SMTP " + (code == 0 ? "" : code + " ") + e.getMessage(), retry, e);
        }
    }

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
