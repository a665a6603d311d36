package dev.heed.routing.topology;

import static dev.heed.routing.topology.RoutingDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.routing.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTopologyTest {

    @TempDir
    Path stateDir;
    private RoutingDriver routing;

    /**
     * At-least-once here only because of the test driver: under exactly-once it clears the mock producer's
     * open transaction after enqueueing each input, which drops the dead-letter record that Kafka Streams
     * writes while deserializing. On a real broker the record joins the transaction (see RoutingServiceIT).
     */
    @BeforeEach
    void start() {
        routing = new RoutingDriver(stateDir, StreamsConfig.AT_LEAST_ONCE);
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        routing.rawFeedback.pipeInput("bad-1", poison, T0);
        routing.sendFeedback("good-1", "worst HIGH", T0.plusSeconds(1));

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(routing.topics.feedbackReceived().name());
        assertThat(header(dead.headers(), DeadLetters.PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).endsWith("UnreadableRecordException");
        assertThat(routing.deadLettered).hasValue(1);
        assertThat(routing.classified.readValue().getFeedback().getEventId()).isEqualTo("good-1");
        assertThat(routing.escalated.readValue().getComplaintId()).isEqualTo("good-1");
    }

    @Test
    void aFeedbackTombstoneIsDeadLetteredWithTheUsualHeadersAndTheNextRecordIsProcessed() {
        routing.sendFeedback("good-0", "fine", T0);
        routing.rawFeedback.pipeInput("gone-1", null, T0.plusSeconds(1));
        routing.sendFeedback("good-1", "worst HIGH", T0.plusSeconds(2));

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("gone-1");
        assertThat(dead.value()).isNull();
        assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(routing.topics.feedbackReceived().name());
        assertThat(header(dead.headers(), DeadLetters.PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("1");
        assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).endsWith("UnreadableRecordException");
        assertThat(header(dead.headers(), DeadLetters.MESSAGE)).startsWith("NULL_VALUE");
        assertThat(header(dead.headers(), DeadLetters.STACKTRACE)).isNotEmpty();
        assertThat(routing.deadLettered).hasValue(1);
        assertThat(routing.classified.readValuesToList()).extracting(c -> c.getFeedback().getEventId())
                .containsExactly("good-0", "good-1");
    }

    @Test
    void anAcknowledgementTombstoneIsDeadLetteredToo() {
        routing.driver.createInputTopic(routing.topics.complaintsAcknowledged().name(),
                Serdes.String().serializer(), new ByteArraySerializer()).pipeInput("gone-2", null, T0);

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(routing.topics.complaintsAcknowledged().name());
        assertThat(header(dead.headers(), DeadLetters.MESSAGE)).startsWith("NULL_VALUE");
    }

    @Test
    void aRecordWhoseProcessingThrowsIsDeadLetteredAndTheNextRecordIsProcessed() {
        routing.sendFeedback("boom-1", "EXPLODE", T0);
        routing.sendFeedback("good-2", "fine", T0.plusSeconds(1));

        TestRecord<byte[], byte[]> dead = routing.deadLetters.readRecord();
        assertThat(header(dead.headers(), DeadLetters.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead.headers(), DeadLetters.TOPIC)).isEqualTo(routing.topics.feedbackReceived().name());
        assertThat(routing.deadLettered).hasValue(1);
        assertThat(routing.classified.readValue().getFeedback().getEventId()).isEqualTo("good-2");
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
