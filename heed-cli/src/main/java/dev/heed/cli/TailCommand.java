package dev.heed.cli;

import dev.heed.schemas.serde.GenericAvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code heed tail <topic> [--from-beginning] [--id COMPLAINT] [--max N] [--for SECONDS]}: prints a
 * topic's events as JSON lines, decoded through the registry (see {@link TailLines}, which also says how
 * unreadable records and dead-letter topics show). Without {@code --max} or {@code --for} it follows the
 * topic until interrupted.
 */
final class TailCommand {
    static final Set<String> OPTIONS = Set.of("id", "max", "for");
    static final Set<String> SWITCHES = Set.of("from-beginning");

    private final BooleanSupplier interrupted;

    TailCommand(BooleanSupplier interrupted) {
        this.interrupted = interrupted;
    }

    int run(CliArgs args, Clients clients, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new UsageException("usage: heed tail <topic> [--from-beginning] [--id COMPLAINT] [--max N] [--for SECONDS]");
        }
        String topic = args.positionals().get(0);
        long max = args.option("max").map(Long::parseLong).orElse(Long.MAX_VALUE);
        Instant until = args.option("for").map(s -> Instant.now().plusSeconds(Long.parseLong(s))).orElse(Instant.MAX);
        String id = args.option("id").orElse(null);
        TailLines lines = new TailLines(topic.endsWith(".dlq") ? null : valueReader(clients));
        // Values are read as bytes and decoded per record, so one unreadable record cannot stop the poll.
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new UsageException("no topic " + topic);
            }
            consumer.assign(partitions);
            if (args.flag("from-beginning")) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            while (printed < max && Instant.now().isBefore(until) && !interrupted.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if ((id == null || id.equals(record.key())) && printed < max) {
                        out.println(lines.line(record));
                        printed++;
                    }
                }
            }
        }
        return 0;
    }

    private static GenericAvroDeserializer valueReader(Clients clients) {
        var reader = new GenericAvroDeserializer();
        reader.configure(Map.of(GenericAvroDeserializer.REGISTRY_URL_CONFIG, clients.endpoints().registryUrl()), false);
        return reader;
    }
}
