package dev.heed.routing.deadletter;

import dev.heed.schemas.serde.UnreadableRecordException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that can never be read (not framed, unknown schema id, incompatible, corrupt) goes to the
 * dead-letter topic and processing continues. Any other failure, such as the registry being unreachable,
 * fails the thread instead: the record is fine and will be read once the registry is back, so dead-lettering
 * it would lose a good event.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof UnreadableRecordException unreadable)) {
            LOG.error("cannot read {}-{}@{}; failing so it is retried", context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        LOG.warn("dead-lettering unreadable record {}-{}@{} ({})", context.topic(), context.partition(), context.offset(),
                unreadable.reason());
        return Response.resume(deadLetters.deadLetter(record.key(), record.value(), context, exception));
    }
}
