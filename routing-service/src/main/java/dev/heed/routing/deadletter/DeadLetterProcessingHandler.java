package dev.heed.routing.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (a classifier bug on one odd text, say) goes to the dead-letter topic as
 * its source bytes and processing continues: one bad record must not stop every complaint behind it.
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
        LOG.error("processing {}-{}@{} failed in {}; dead-lettering it", context.topic(), context.partition(), context.offset(),
                context.processorNodeId(), exception);
        return Response.resume(deadLetters.deadLetter(context.sourceRawKey(), context.sourceRawValue(), context, exception));
    }
}
