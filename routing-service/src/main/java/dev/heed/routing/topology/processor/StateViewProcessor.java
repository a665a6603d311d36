package dev.heed.routing.topology.processor;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest {@code complaints.state} row per complaint for interactive queries. Values stay in their
 * wire bytes: the topic is the changelog, and readers decode with the topic's own deserializer, so the store
 * needs no schema of its own.
 */
public final class StateViewProcessor implements Processor<String, byte[], Void, Void> {

    private final String storeName;
    private KeyValueStore<String, byte[]> view;

    public StateViewProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        view = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            view.delete(record.key());
        } else {
            view.put(record.key(), record.value());
        }
    }
}
