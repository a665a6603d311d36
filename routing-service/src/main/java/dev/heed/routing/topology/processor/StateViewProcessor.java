package dev.heed.routing.topology.processor;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest value per key of a topic that is its store's changelog, a tombstone deleting: the latest
 * {@code complaints.state} row per complaint for interactive queries (values in their wire bytes, decoded by readers with
 * the topic's own deserializer, so the store needs no schema of its own), and the global reply index.
 *
 * @param <V> the values as the store keeps them
 */
public final class StateViewProcessor<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, V> view;

    public StateViewProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        view = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            view.delete(record.key());
        } else {
            view.put(record.key(), record.value());
        }
    }
}
