package dev.heed.routing.deadletter;

import dev.heed.schemas.registry.RegistryException;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output that can never be written (it does not serialize, or is too large for the broker) sends its
 * source record to the dead-letter topic and processing continues; retrying would fail the same way forever.
 * Other send failures, and serialization failures caused by the schema registry, fail the thread, which is
 * replaced and retries from the last commit.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            return deadLetter(context, exception);
        }
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (RegistryException.in(exception).isPresent()) {
            // The record is fine; the registry was unreachable, lost a race (409 on concurrent registration), or
            // refuses the schema, which it would do for every record. Failing replaces the thread, which retries
            // from the last commit; dead-lettering would drain good events into the DLQ.
            LOG.warn("cannot resolve a schema for the output of {}-{}@{}; retrying", context.topic(), context.partition(),
                    context.offset(), exception);
            return Response.fail();
        }
        return deadLetter(context, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, Exception exception) {
        LOG.error("cannot write the output of {}-{}@{}; dead-lettering its source", context.topic(), context.partition(),
                context.offset(), exception);
        return Response.resume(deadLetters.deadLetter(context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }
}
