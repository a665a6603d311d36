package dev.heed.cli;

import dev.heed.events.Channel;
import dev.heed.events.Customer;
import dev.heed.events.FeedbackReceived;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code heed send --text "..." [--rating 1-5] [--email a@b] [--name N] [--source cli] [--channel web]
 * [--subject S] [--reference R] [--id ID]}: writes one feedback to {@code feedback.received} as any
 * producer that follows the schema may, and prints where it landed.
 */
final class SendCommand {
    static final java.util.Set<String> OPTIONS = java.util.Set.of("text", "rating", "email", "name", "source", "channel",
            "subject", "reference", "id", "language");

    private final Clock clock;

    SendCommand(Clock clock) {
        this.clock = clock;
    }

    int run(CliArgs args, Clients clients, PrintStream out) throws Exception {
        FeedbackReceived feedback = feedback(args);
        RecordMetadata written = clients.sendOne(clients.topics().feedbackReceived(), feedback.getEventId(), feedback);
        out.printf("sent %s to %s partition %d offset %d%n", feedback.getEventId(), written.topic(), written.partition(), written.offset());
        return 0;
    }

    FeedbackReceived feedback(CliArgs args) {
        var now = clock.instant();
        return FeedbackReceived.newBuilder()
                .setEventId(args.option("id").orElseGet(() -> UUID.randomUUID().toString()))
                .setSourceSystem(args.option("source").orElse("cli"))
                .setChannel(channel(args.option("channel").orElse("web")))
                .setCustomer(Customer.newBuilder()
                        .setDisplayName(args.option("name").orElse(null))
                        .setEmail(args.option("email").orElse(null))
                        .setPreferredLanguage(args.option("language").orElse(null))
                        .build())
                .setSubject(args.option("subject").orElse(null))
                .setText(args.required("text"))
                .setRating(args.option("rating").map(SendCommand::rating).orElse(null))
                .setOccurredAt(now)
                .setReceivedAt(now)
                .setReference(args.option("reference").orElse(null))
                .setAttributes(Map.of())
                .build();
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--channel must be one of " + java.util.Arrays.toString(Channel.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static int rating(String text) {
        try {
            int rating = Integer.parseInt(text);
            if (rating >= 1 && rating <= 5) {
                return rating;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException("--rating must be a whole number from 1 to 5, not " + text);
    }
}
