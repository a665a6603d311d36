package dev.heed.routing.topology.processor;

import dev.heed.events.FeedbackReceived;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each feedback event id once within the retention window, so a retried POST or a producer retry never
 * makes a second complaint. The ids live in a window store: the store drops whole expired segments, so
 * forgetting old ids costs no scan and no per-record work. Tombstones never reach it: the source dead-letters
 * them.
 */
public final class DedupeProcessor extends ContextualProcessor<String, FeedbackReceived, String, FeedbackReceived> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final String storeName;
    private final long retentionMs;
    private WindowStore<String, Long> seen;

    public DedupeProcessor(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, FeedbackReceived> context) {
        super.init(context);
        seen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, FeedbackReceived> record) {
        String eventId = record.value().getEventId();
        long at = record.timestamp();
        if (seenBefore(eventId, at)) {
            LOG.info("dropping duplicate feedback {}", eventId);
            return;
        }
        seen.put(eventId, at, at);
        context().forward(record.withKey(record.key() == null ? eventId : record.key()));
    }

    // Searches both sides of the record's time: a retry may carry an earlier timestamp than the original.
    private boolean seenBefore(String eventId, long at) {
        try (WindowStoreIterator<Long> earlier = seen.fetch(eventId, Math.max(0, at - retentionMs), at + retentionMs)) {
            return earlier.hasNext();
        }
    }
}
