package dev.heed.faults;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP receiver of the responder's e-mails in the test JVM, the e-mail counterpart of {@link WebhookInbox}: it
 * records every message as a {@link Delivery} (its {@code Message-ID} as it came, what the message is for, the
 * envelope recipient, subject, text and the identifying headers) <em>before</em> it answers 250 to the end of the
 * message's data, so a recorded delivery is one the receiver accepted, whatever happens to the answer. Repeats are
 * recorded too: the counting deduplicates by {@code Message-ID} afterwards, as a careful receiver would.
 *
 * <p>{@link #afterNextAnswer} arms an action that runs once, on the connection's thread, right after the next
 * message's 250 was written and flushed: the place a scenario kills the sender, so the kill lands between the
 * receiver's acceptance and the sender recording the outcome.
 *
 * <p>A small SMTP server rather than GreenMail: GreenMail stores a message before its 250 and offers no hook after
 * the answer, which is where the kill must come (as after the webhook's 200). It speaks what Angus Mail's client
 * sends to a relay without authentication or TLS (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and parses each
 * message with Jakarta Mail's own {@link MimeMessage}. The {@code Date} header is not among the fields: it is the
 * send time, stamped on every attempt, as the webhook's {@code webhook-timestamp} header is not among its fields.
 */
final class MailInbox extends Receiver implements AutoCloseable {
    private static final Pattern REMINDER = Pattern.compile("Reminder (\\d+), addressed to");

    private final Clock clock;
    private final ServerSocket server;
    private final Session session = Session.getInstance(new Properties());
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faults-mail-inbox");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private MailInbox(Clock clock) throws IOException {
        this.clock = clock;
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    }

    static MailInbox start(Clock clock) {
        try {
            MailInbox inbox = new MailInbox(clock);
            inbox.connections.execute(inbox::accept);
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }





    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream()); // read a byte at a time below
            OutputStream out = socket.getOutputStream();
            reply(out, "220 faults-mail-inbox ESMTP");
            String recipient = null;
            for (byte[] raw = line(in); raw != null; raw = line(in)) {
                String command = new String(raw, StandardCharsets.US_ASCII);
                String verb = (command.length() < 4 ? command : command.substring(0, 4)).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO", "NOOP" -> reply(out, "250 faults-mail-inbox");
                    case "MAIL", "RSET" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        // One recipient per message, as the responder sends them; the last one named is kept.
                        recipient = command.substring(command.indexOf(':') + 1).trim().replaceAll("^<|>$", "");
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        byte[] data = data(in);
                        if (data == null) {
                            return; // the sender died in the middle of its message: nothing accepted
                        }
                        Delivery delivery = parse(data, recipient == null ? "(none)" : recipient);
                        if (delivery == null) {
                            refused();
                            reply(out, "554 unreadable message");
                            continue;
                        }
                        accepted(delivery);
                        reply(out, "250 OK");
                        answered(delivery);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the sender went away (a kill): what it sent and was answered is recorded
        } finally {
            open.remove(socket);
        }
    }

    private Delivery parse(byte[] data, String recipient) {
        try {
            MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(data));
            String messageId = mail.getMessageID();
            String about = header(mail, "X-Heed-Feedback-Id");
            String template = header(mail, "X-Heed-Template");
            String text = String.valueOf(mail.getContent());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("subject", String.valueOf(mail.getSubject()));
            fields.put("text", text);
            fields.put("from", String.valueOf(header(mail, "From")));
            fields.put("to", String.valueOf(header(mail, "To")));
            fields.put("feedbackId", String.valueOf(about));
            fields.put("template", String.valueOf(template));
            return new Delivery(messageId == null ? "(none)" : messageId, key(template, about, text), recipient, fields, true,
                    clock.instant());
        } catch (MessagingException | IOException e) {
            return null;
        }
    }

    /**
     * What the message is for, in {@link WebhookInbox}'s terms: type, then the feedback or complaint it belongs to
     * (the {@code X-Heed-Feedback-Id} header: the complaint's id for a notification), and for a reminder its number,
     * read from the text as an agent reads it ("Reminder 2, addressed to ..."). A reminder whose number cannot be
     * read gets {@code ?}, so two of them would count as one message under two ids: the test would fail, not pass.
     */
    static String key(String template, String about, String text) {
        String name = template == null ? "" : template.substring(0, template.indexOf('/') < 0 ? template.length() : template.indexOf('/'));
        return switch (name) {
            case "agent-escalated" -> "complaint.escalated|" + about;
            case "agent-due", "agent-promise" -> {
                Matcher m = REMINDER.matcher(text);
                yield "complaint.response-due|" + about + "|" + (m.find() ? m.group(1) : "?");
            }
            default -> "heed.reply|" + about;
        };
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF (or LF), or null at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return java.util.Arrays.copyOf(bytes, length);
            }
            line.write(b);
        }
        return null;
    }

    /** The message's data up to the line with a single dot, dot-stuffing undone; null if the stream ended first. */
    private static byte[] data(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream(4096);
        for (byte[] line = line(in); line != null; line = line(in)) {
            if (line.length == 1 && line[0] == '.') {
                return data.toByteArray();
            }
            int from = line.length > 0 && line[0] == '.' ? 1 : 0; // a leading dot was doubled by the sender
            data.write(line, from, line.length - from);
            data.write('\r');
            data.write('\n');
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : new ArrayList<>(open)) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }
}
