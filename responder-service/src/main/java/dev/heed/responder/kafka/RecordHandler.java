package dev.heed.responder.kafka;

import dev.heed.responder.respond.Step;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work on one input record, as the {@link ResponderLoop} runs it: called on a worker thread, for records of
 * different keys at the same time. Returns once the record's outcomes are recorded, or says it must be read
 * again later; throws when the loop must stop without committing.
 */
@FunctionalInterface
public interface RecordHandler {
    Step process(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
}
