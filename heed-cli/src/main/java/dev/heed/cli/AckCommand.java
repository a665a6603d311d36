package dev.heed.cli;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code heed ack <complaint-id> --agent NAME [--team T] [--note N] [--next-update 2026-11-24T12:00:00Z]}:
 * writes an acknowledgement to {@code complaints.acknowledged}, which stops the complaint's clock.
 */
final class AckCommand {
    static final Set<String> OPTIONS = Set.of("agent", "team", "note", "next-update");

    private final Clock clock;

    AckCommand(Clock clock) {
        this.clock = clock;
    }

    int run(CliArgs args, Clients clients, PrintStream out) throws Exception {
        ComplaintAcknowledged ack = acknowledgement(args);
        RecordMetadata written = clients.sendOne(clients.topics().complaintsAcknowledged(), ack.getComplaintId(), ack);
        out.printf("acknowledged %s as %s (%s partition %d offset %d)%n", ack.getComplaintId(), ack.getAgent(),
                written.topic(), written.partition(), written.offset());
        return 0;
    }

    ComplaintAcknowledged acknowledgement(CliArgs args) {
        if (args.positionals().size() != 1) {
            throw new UsageException("usage: heed ack <complaint-id> --agent NAME [--team T] [--note N] [--next-update ISO-TIME]");
        }
        return ComplaintAcknowledged.newBuilder()
                .setComplaintId(args.positionals().get(0))
                .setAcknowledgementId(UUID.randomUUID().toString())
                .setAcknowledgedAt(clock.instant())
                .setAgent(args.required("agent"))
                .setTeam(args.option("team").orElse(null))
                .setSource(AckSource.CLI)
                .setNote(args.option("note").orElse(null))
                .setNextUpdateBy(args.option("next-update").map(AckCommand::instant).orElse(null))
                .build();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--next-update must be an ISO-8601 instant such as 2026-11-24T12:00:00Z, not " + text);
        }
    }
}
