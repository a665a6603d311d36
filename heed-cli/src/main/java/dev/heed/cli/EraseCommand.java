package dev.heed.cli;

import dev.heed.cli.ErasureReport.Hit;
import dev.heed.cli.ErasureReport.Latest;
import dev.heed.cli.ErasureReport.Retention;
import dev.heed.cli.PersonalDataTopics.Entry;
import dev.heed.cli.PersonalDataTopics.Erasure;
import dev.heed.events.ComplaintState;
import dev.heed.events.Customer;
import dev.heed.schemas.topics.HeedTopics;
import dev.heed.schemas.topics.Topic;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code heed erase (--email E | --customer-id ID | --feedback-id ID ...) [--dry-run]}: finds one customer's
 * feedback ids in the feedback topics, reports every record of theirs in every topic that can hold it (one JSON
 * line per topic, see {@link ErasureReport}), and writes tombstones for them to {@code complaints.state}. Records
 * in delete-policy topics go with the topic's retention; routing's changelogs are left to routing (see
 * {@link PersonalDataTopics.Erasure#ROUTING}). A complaint still open is not tombstoned, because routing would
 * write its state again; the command then exits 1 so that the erasure is not taken for done.
 */
final class EraseCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    int run(CliArgs args, Clients clients, PrintStream out, PrintStream err) throws Exception {
        ErasureRequest request = ErasureRequest.from(args);
        HeedTopics topics = clients.topics();
        List<Entry> entries = PersonalDataTopics.all(clients.topicSuffix(), clients.routingApplicationId());
        Map<String, Retention> retention;
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            entries = entries.stream().filter(e -> existing.contains(e.topic())).toList();
            retention = retention(admin, entries.stream().map(Entry::topic).toList());
        }
        Set<String> ids = new TreeSet<>(request.feedbackIds());
        ids.addAll(customerFeedback(clients, request, topics.feedbackReceived(), v -> v.getCustomer()));
        ids.addAll(customerFeedback(clients, request, topics.feedbackClassified(), v -> v.getFeedback().getCustomer()));
        ids.addAll(customerFeedback(clients, request, topics.complaintsEscalated(), v -> v.getCustomer()));
        out.println(JsonView.MAPPER.writeValueAsString(Map.of("feedbackIds", ids, "dryRun", request.dryRun())));
        if (ids.isEmpty()) {
            err.println("heed erase: no feedback of this customer on " + topics.feedbackReceived().name() + ", "
                    + topics.feedbackClassified().name() + " or " + topics.complaintsEscalated().name() + ": Heed holds nothing to erase");
            return 0;
        }
        Set<String> open = new TreeSet<>();
        for (Entry entry : entries) {
            List<Hit> hits = scan(clients, entry, ids, entry.erasure() == Erasure.TOMBSTONE ? status(topics.complaintsState()) : v -> null);
            Latest latest = Latest.of(hits);
            Retention policy = retention.get(entry.topic());
            if (entry.erasure() == Erasure.TOMBSTONE) {
                open.addAll(latest.open());
                if (!request.dryRun()) {
                    tombstone(clients, entry.topic(), latest.closed());
                }
            }
            out.println(JsonView.MAPPER.writeValueAsString(ErasureReport.line(entry, hits, policy,
                    ErasureReport.action(entry, hits, policy, latest, request.dryRun()))));
        }
        if (!open.isEmpty()) {
            err.println("heed erase: complaints " + open + " are still open; acknowledge them (heed ack ID) or give the update promised to the customer, then run erase again");
            return 1;
        }
        return 0;
    }

    private static Map<String, Retention> retention(Admin admin, Collection<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<String, Retention> retention = new HashMap<>();
        configs.forEach((resource, config) -> retention.put(resource.name(), new Retention(
                config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value(), Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value()),
                Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()))));
        return retention;
    }

    /** The keys of the customer's feedback in one topic; a record that cannot be decoded is not theirs to claim. */
    private static <V> Set<String> customerFeedback(Clients clients, ErasureRequest request, Topic<String, V> topic, Function<V, Customer> customer) {
        Set<String> ids = new TreeSet<>();
        if (request.emails().isEmpty() && request.customerIds().isEmpty()) {
            return ids;
        }
        var values = topic.valueSerde().deserializer();
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (consumer.partitionsFor(topic.name(), TIMEOUT).isEmpty()) {
                return ids;
            }
            new TopicReader<>(consumer, topic.name(), TIMEOUT).readToEnd(record -> {
                if (record.key() == null || record.value() == null) {
                    return;
                }
                Customer who;
                try {
                    who = customer.apply(values.deserialize(topic.name(), record.value()));
                } catch (RuntimeException unreadable) {
                    return;
                }
                if (who != null && request.isCustomer(who.getId(), who.getEmail())) {
                    ids.add(new String(record.key(), StandardCharsets.UTF_8));
                }
            });
        }
        return ids;
    }

    private static List<Hit> scan(Clients clients, Entry entry, Set<String> ids, Function<byte[], String> status) {
        List<Hit> hits = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(clients.readerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            new TopicReader<>(consumer, entry.topic(), TIMEOUT).readToEnd(record -> {
                String id = entry.layout().id(record.key());
                if (id != null && ids.contains(id)) {
                    hits.add(new Hit(id, Base64.getEncoder().encodeToString(record.key()), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                            record.value() == null, record.value() == null ? null : status.apply(record.value())));
                }
            });
        }
        return hits;
    }

    /** A complaint state's status; UNKNOWN when the value cannot be read, so that it counts as open and is kept. */
    private static Function<byte[], String> status(Topic<String, ComplaintState> topic) {
        var values = topic.valueSerde().deserializer();
        return bytes -> {
            try {
                return ErasureReport.status(values.deserialize(topic.name(), bytes));
            } catch (RuntimeException unreadable) {
                return "UNKNOWN";
            }
        };
    }

    private static void tombstone(Clients clients, String topic, Set<String> keys) throws Exception {
        if (keys.isEmpty()) {
            return;
        }
        try (var producer = new KafkaProducer<String, byte[]>(clients.producerConfig(), new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            keys.forEach(key -> sent.add(producer.send(new ProducerRecord<>(topic, key, null))));
            for (var future : sent) {
                future.get();
            }
        }
    }
}
