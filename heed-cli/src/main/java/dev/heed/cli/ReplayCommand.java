package dev.heed.cli;

import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.routing.sla.BusinessCalendar;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.PolicyBookFormat;
import dev.heed.routing.sla.PolicyReplay;
import dev.heed.runtime.catalog.RoutingSettings;
import dev.heed.runtime.config.Settings;
import dev.heed.runtime.config.SettingsException;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code heed replay --policies TEXT [--calendars TEXT] [--until ISO] [--json]}: every complaint's SLA clock run again
 * from the topics under a candidate policy book, beside the book routing is configured with, to see what a change
 * would have done before making it: the first-response clock and, under a policy with a resolution target, the
 * resolution clock. It reads {@code complaints.escalated}, {@code complaints.acknowledged} and
 * {@code complaints.updated} (resolutions and reopenings) from the beginning to the end offsets they had when it
 * started (read_committed, assigned partitions, no group, no commits) and writes nothing anywhere. The clock arithmetic
 * is routing's own ({@link PolicyReplay}).
 *
 * <p>The live book is read from this process's environment exactly as routing reads its own
 * ({@code HEED_SLA_POLICIES}, {@code HEED_SLA_CALENDARS}, {@code HEED_SLA_TIME_SCALE}): run the command with
 * routing's settings to compare against what is in force. Both books are applied to every complaint; a complaint
 * that started under an older policy version is replayed under the current one, so the live column is "the
 * current settings over this history", not a count of what was emitted.
 */
final class ReplayCommand {
    static final Set<String> OPTIONS = Set.of("policies", "calendars", "until");
    static final Set<String> SWITCHES = Set.of("json");
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private final Clock clock;

    ReplayCommand(Clock clock) {
        this.clock = clock;
    }

    /** The two books and the horizon, checked before anything connects: wrong usage is exit 2 and reads nothing. */
    record Plan(PolicyBook live, String liveFrom, PolicyBook candidate, Instant horizon, boolean json) {}

    Plan plan(CliArgs args, Map<String, String> env) {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("replay takes no positional arguments: " + args.positionals());
        }
        String policies = args.option("policies").orElseThrow(() -> new UsageException(
                "replay needs --policies \"<candidate policies, as HEED_SLA_POLICIES>\" (docs/routing.md#sla-policies)"));
        Settings settings = new Settings(env);
        PolicyBook live;
        try {
            live = PolicyBookFormat.configured(settings);
        } catch (SettingsException e) {
            throw new UsageException("replay: the live policies do not parse: " + e.getMessage());
        }
        String liveFrom = settings.find(RoutingSettings.SLA_POLICIES).isPresent() ? "HEED_SLA_POLICIES" : "defaults";
        PolicyBook candidate;
        try {
            // A candidate may name the calendars routing already has.
            String calendarText = args.option("calendars").orElse(settings.get(RoutingSettings.SLA_CALENDARS));
            Map<String, BusinessCalendar> calendars = PolicyBookFormat.calendars(calendarText);
            candidate = PolicyBookFormat.parse(policies, calendars);
        } catch (IllegalArgumentException e) {
            throw new UsageException("replay: " + e.getMessage());
        }
        Instant horizon;
        try {
            // Milliseconds, the resolution of the events' times.
            horizon = args.option("until").map(Instant::parse).orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            throw new UsageException("replay --until takes an ISO-8601 instant such as 2026-12-07T00:00:00Z: " + e.getParsedString());
        }
        return new Plan(live, liveFrom, candidate, horizon, args.flag("json"));
    }

    int run(Plan plan, Clients clients, PrintStream out) {
        HeedTopics topics = clients.topics();
        ReplayInput input = new ReplayInput();
        read(clients, topics.complaintsEscalated(), input, input::escalated);
        read(clients, topics.complaintsAcknowledged(), input, input::acknowledged);
        read(clients, topics.complaintsUpdated(), input, input::updated);
        ReplayReport report = report(plan, input);
        out.print(plan.json() ? report.json().toString() + "\n" : report.text());
        return 0;
    }

    static ReplayReport report(Plan plan, ReplayInput input) {
        List<PolicyReplay.Complaint> complaints = input.complaints();
        List<Instant> received = complaints.stream().map(PolicyReplay.Complaint::receivedAt)
                .filter(at -> !at.isAfter(plan.horizon())).sorted(Comparator.naturalOrder()).toList();
        return new ReplayReport(ReplayReport.Input.of(input),
                received.isEmpty() ? null : received.get(0), received.isEmpty() ? null : received.get(received.size() - 1),
                new PolicyReplay(plan.live()).replay(complaints, plan.horizon()), plan.liveFrom(),
                new PolicyReplay(plan.candidate()).replay(complaints, plan.horizon()));
    }

    private static <V> void read(Clients clients, Topic<String, V> topic, ReplayInput input, Consumer<V> sink) {
        var values = topic.valueSerde().deserializer();
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (consumer.partitionsFor(topic.name(), METADATA_TIMEOUT).isEmpty()) {
                return;
            }
            new TopicReader<>(consumer, topic.name(), METADATA_TIMEOUT, READ_TIMEOUT).readToEnd(record -> {
                if (record.value() == null) {
                    input.unreadable();
                    return;
                }
                V value;
                try {
                    value = values.deserialize(topic.name(), record.value());
                } catch (RuntimeException unreadable) {
                    input.unreadable();
                    return;
                }
                sink.accept(value);
            });
        }
    }
}
