package dev.heed.routing.deadletter;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings that route unreadable input, unwritable output and records whose processing throws to
 * the dead-letter topic, so one bad record never stops the topology.
 */
public final class DeadLetterConfig {

    private DeadLetterConfig() {
    }

    /** Adds the handlers, the dead-letter topic and the shared counter to {@code streamsProps}. */
    public static void apply(Map<Object, Object> streamsProps, String dlqTopic, AtomicLong deadLettered) {
        streamsProps.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlqTopic);
        streamsProps.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        streamsProps.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        streamsProps.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        streamsProps.put(DeadLetters.COUNTER_CONFIG, deadLettered);
    }
}
