package dev.heed.routing.deadletter;

import dev.heed.schemas.registry.RegistryException;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (a classifier bug on one odd text, say) goes to the dead-letter topic as
 * its source bytes and processing continues: one bad record must not stop every complaint behind it.
 *
 * <p>Except when the schema registry is the cause: an output whose schema id is not cached yet is serialized
 * inside {@code forward()}, so {@link DeadLetterProductionHandler}'s "fail" reaches this handler as a
 * {@code StreamsException} thrown by the processor. The record is good; dead-lettering it would lose the
 * feedback (no escalation, no clock, no reply), as the fault suite's registry outage showed. Failing replaces
 * the thread, which retries from the last commit (under exactly-once the open transaction is aborted).
 *
 * <p>A record refused on purpose ({@link RefusedRecordException}, a verdict whose complaint routing does not know, say)
 * goes the same way, logged as a warning with its reason.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (RegistryException.in(exception).isPresent()) {
            LOG.warn("processing {}-{}@{} in {} needs the schema registry, which failed; failing so it is retried",
                    context.topic(), context.partition(), context.offset(), context.processorNodeId(), exception);
            return Response.fail();
        }
        if (exception instanceof RefusedRecordException refused) {
            LOG.warn("dead-lettering {}-{}@{}, refused by {}: {}", context.topic(), context.partition(), context.offset(),
                    context.processorNodeId(), refused.getMessage());
            return Response.resume(deadLetters.deadLetter(context.sourceRawKey(), context.sourceRawValue(), context, exception));
        }
        LOG.error("processing {}-{}@{} failed in {}; dead-lettering it", context.topic(), context.partition(), context.offset(),
                context.processorNodeId(), exception);
        return Response.resume(deadLetters.deadLetter(context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }
}
