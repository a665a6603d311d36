package dev.heed.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.localstack.LocalStackExtension;
import dev.heed.localstack.Stack;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.serde.AvroSerde;
import dev.heed.schemas.serde.GenericAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type goes through the real broker and the real registry with Heed's serde, and comes back
 * field for field through a plain consumer that knows nothing but the registry URL: what kafbat, AKHQ or
 * the CLI see.
 */
@ExtendWith(LocalStackExtension.class)
class EveryEventThroughKafkaIT {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("FeedbackReceived", (Function<String, SpecificRecord>) SampleEvents::feedback),
                Arguments.of("FeedbackClassified", (Function<String, SpecificRecord>) SampleEvents::classified),
                Arguments.of("ComplaintEscalated", (Function<String, SpecificRecord>) SampleEvents::escalated),
                Arguments.of("ResponseDue", (Function<String, SpecificRecord>) SampleEvents::responseDue),
                Arguments.of("ComplaintAcknowledged", (Function<String, SpecificRecord>) SampleEvents::acknowledged),
                Arguments.of("ComplaintState", (Function<String, SpecificRecord>) SampleEvents::state),
                Arguments.of("ComplaintUpdated", (Function<String, SpecificRecord>) SampleEvents::updated),
                Arguments.of("ResponseSent", (Function<String, SpecificRecord>) SampleEvents::responseSent),
                Arguments.of("ProblemUpdated", (Function<String, SpecificRecord>) SampleEvents::problemResolved));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventShouldComeBackFieldForFieldThroughAPlainRegistryAwareConsumer(String name, Function<String, SpecificRecord> sample,
                                                                            Stack stack) throws Exception {
        String topic = stack.uniqueName(name.toLowerCase());
        stack.createTopic(topic, 3);
        SpecificRecord event = sample.apply("fb-" + name);

        produce(stack, topic, event);
        GenericRecord read = consumeOne(stack, topic);

        assertThat(read.getSchema().getFullName()).isEqualTo(event.getSchema().getFullName());
        assertThat(plain(read)).isEqualTo(plain(event));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void produce(Stack stack, String topic, SpecificRecord event) throws Exception {
        AvroSerde serde = AvroSerde.of(event.getClass(), new HttpSchemaRegistryClient(stack.registryUrl()), true);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, SpecificRecord>(config, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "key", event)).get();
        }
    }

    private static GenericRecord consumeOne(Stack stack, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, GenericAvroDeserializer.class.getName(),
                GenericAvroDeserializer.REGISTRY_URL_CONFIG, stack.registryUrl());
        try (var consumer = new KafkaConsumer<String, GenericRecord>(config)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, GenericRecord>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records read from %s", topic).hasSize(1);
            return records.get(0).value();
        }
    }

    /** A record as plain Java values, so specific and generic records compare field for field. */
    private static Object plain(Object value) {
        if (value instanceof IndexedRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.getSchema().getFields().forEach(f -> fields.put(f.name(), plain(record.get(f.pos()))));
            return fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EveryEventThroughKafkaIT::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), plain(v)));
            return copy;
        }
        if (value instanceof GenericEnumSymbol<?> || value instanceof Enum<?> || value instanceof CharSequence) {
            return value.toString();
        }
        return value;
    }
}
