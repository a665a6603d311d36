package dev.heed.responder.kafka;

import dev.heed.responder.delivery.Trigger;
import dev.heed.responder.input.Input;
import dev.heed.responder.input.InputDecoder;
import dev.heed.responder.respond.Responses;
import dev.heed.responder.respond.Step;
import dev.heed.schemas.serde.UnreadableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one input record to {@link Responses}: decodes it, names it by its position, and lets a failed
 * message dead-letter it. An unreadable record, and one without a value, is dead-lettered here; when the
 * registry cannot be reached the record is read again later.
 */
public final class RecordProcessor implements RecordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
    /** The dead-letter reason of a record without a value. */
    static final String TOMBSTONE = "TOMBSTONE";

    private final InputDecoder decoder;
    private final Responses responses;
    private final OutcomeRecorder recorder;

    public RecordProcessor(InputDecoder decoder, Responses responses, OutcomeRecorder recorder) {
        this.decoder = decoder;
        this.responses = responses;
        this.recorder = recorder;
    }

    @Override
    public Step process(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        try {
            Input input = decoder.decode(record.topic(), record.value());
            if (input instanceof Input.Tombstone) {
                // No producer of Heed writes one to an input topic: a tool or a person did. It asks for no answer,
                // and stopping on it would stop every restart on it too.
                LOG.warn("dead-lettering a record without a value at {}", position(record));
                recorder.deadLetter(record, TOMBSTONE, "a record without a value on an input topic: nothing to answer", null);
                return Step.DONE;
            }
            return responses.handle(input, new Trigger(position(record),
                    (reason, error, messageId) -> recorder.deadLetter(record, reason, error, messageId)));
        } catch (UnreadableRecordException e) {
            LOG.warn("dead-lettering unreadable {}: {}", position(record), e.getMessage());
            recorder.deadLetter(record, e.reason().name(), e.getMessage(), null);
            return Step.DONE;
        } catch (SerializationException e) {
            // Not a bad record: the registry could not be reached (to read the input or write its outcome).
            // Read it again later.
            LOG.warn("cannot read {} now, will retry: {}", position(record), e.getMessage());
            return Step.RETRY_LATER;
        }
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }
}
