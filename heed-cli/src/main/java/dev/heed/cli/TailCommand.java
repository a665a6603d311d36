package dev.heed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heed.schemas.serde.GenericAvroDeserializer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code heed tail <topic> [--from-beginning] [--id COMPLAINT] [--max N] [--for SECONDS]}: prints a
 * topic's events as JSON lines, decoded through the registry. Dead-letter topics ({@code *.dlq}) print
 * their headers and the raw value as text. Without {@code --max} or {@code --for} it follows the topic
 * until interrupted.
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
        boolean dlq = topic.endsWith(".dlq");
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), new StringDeserializer(), valueReader(clients, dlq))) {
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
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(250))) {
                    if ((id == null || id.equals(record.key())) && printed < max) {
                        out.println(line(record, dlq));
                        printed++;
                    }
                }
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.apache.kafka.common.serialization.Deserializer<Object> valueReader(Clients clients, boolean dlq) {
        if (dlq) {
            return (org.apache.kafka.common.serialization.Deserializer) new ByteArrayDeserializer();
        }
        var reader = new GenericAvroDeserializer();
        reader.configure(Map.of(GenericAvroDeserializer.REGISTRY_URL_CONFIG, clients.endpoints().registryUrl()), false);
        return (org.apache.kafka.common.serialization.Deserializer) reader;
    }

    private static String line(ConsumerRecord<String, Object> record, boolean dlq) {
        ObjectNode node = JsonView.MAPPER.createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.put("key", record.key());
        if (dlq) {
            ObjectNode headers = node.putObject("headers");
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            byte[] raw = (byte[]) record.value();
            node.put("value", raw == null ? null : new String(raw, StandardCharsets.UTF_8));
        } else {
            node.set("value", JsonView.of(record.value()));
        }
        return node.toString();
    }
}
