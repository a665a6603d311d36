package dev.heed.routing.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest {@code complaints.state} row per complaint for interactive queries. Values stay in their
 * wire bytes: the topic is the changelog, and readers decode with the topic's own deserializer, so the store
 * needs no schema of its own.
 */
final class StateViewProcessor implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, byte[]> view;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        view = context.getStateStore(RoutingTopology.STATE_VIEW_STORE);
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
