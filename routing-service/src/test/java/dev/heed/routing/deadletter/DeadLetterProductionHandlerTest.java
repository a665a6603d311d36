package dev.heed.routing.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.schemas.registry.RegistryException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

    private final AtomicLong deadLettered = new AtomicLong();
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

    DeadLetterProductionHandlerTest() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "routing.dlq",
                DeadLetters.COUNTER_CONFIG, deadLettered));
    }

    @Test
    void anOutputThatCannotBeSerializedDeadLettersItsSourceAndContinues() {
        var response = handler.handleSerializationError(CONTEXT, new ProducerRecord<>("out", "v"),
                new SerializationException("no such field"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(dead -> assertThat(dead.value()).isEqualTo(new byte[] {7}));
        assertThat(deadLettered).hasValue(1);
    }

    @Test
    void aRegistryFailureFailsTheThreadSoTheGoodRecordIsRetriedNotDeadLettered() {
        var response = handler.handleSerializationError(CONTEXT, new ProducerRecord<>("out", "v"),
                new SerializationException("cannot resolve", new RegistryException("409 already exists", true, null)),
                SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(deadLettered).hasValue(0);
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        public String topic() { return "feedback.received"; }
        public int partition() { return 2; }
        public long offset() { return 41; }
        public Headers headers() { return new RecordHeaders(); }
        public String processorNodeId() { return "classify"; }
        public TaskId taskId() { return new TaskId(0, 2); }
        public long timestamp() { return 0; }
        public byte[] sourceRawKey() { return new byte[] {1}; }
        public byte[] sourceRawValue() { return new byte[] {7}; }
    };
}
