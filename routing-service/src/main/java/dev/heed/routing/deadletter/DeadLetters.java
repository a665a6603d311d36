package dev.heed.routing.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the raw key and value bytes, with headers naming the error, the source topic,
 * partition and offset. The header names are those of Kafka Streams' own dead-letter records (KIP-1034), so
 * tools that read one read the other. One instance per handler, built from the Streams configuration, counts
 * into the counter the application passed there.
 */
public final class DeadLetters {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    /** Key under which the Streams configuration carries the counter to the handlers Kafka instantiates. */
    public static final String COUNTER_CONFIG = "heed.dead-letter.counter";

    private final String dlqTopic;
    private final AtomicLong deadLettered;

    private DeadLetters(String dlqTopic, AtomicLong deadLettered) {
        this.dlqTopic = dlqTopic;
        this.deadLettered = deadLettered;
    }

    static DeadLetters from(java.util.Map<String, ?> configs) {
        return new DeadLetters(topic(configs), counter(configs));
    }

    /** Counts one dead letter and builds its record. */
    java.util.List<ProducerRecord<byte[], byte[]>> deadLetter(byte[] key, byte[] value, ErrorHandlerContext context,
                                                              Exception error) {
        deadLettered.incrementAndGet();
        return java.util.List.of(record(key, value, context, error));
    }

    private ProducerRecord<byte[], byte[]> record(byte[] key, byte[] value, ErrorHandlerContext context, Exception error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EXCEPTION, utf8(error.getClass().getName()));
        headers.add(MESSAGE, utf8(String.valueOf(error.getMessage())));
        headers.add(STACKTRACE, utf8(stackTrace(error)));
        headers.add(TOPIC, utf8(context.topic()));
        headers.add(PARTITION, utf8(String.valueOf(context.partition())));
        headers.add(OFFSET, utf8(String.valueOf(context.offset())));
        return new ProducerRecord<>(dlqTopic, null, key, value, headers);
    }

    private static AtomicLong counter(java.util.Map<String, ?> configs) {
        Object counter = configs.get(COUNTER_CONFIG);
        return counter instanceof AtomicLong given ? given : new AtomicLong();
    }

    private static String topic(java.util.Map<String, ?> configs) {
        Object topic = configs.get(org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null) {
            throw new IllegalStateException("the dead-letter handlers need "
                    + org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        }
        return topic.toString();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
