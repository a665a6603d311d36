package dev.heed.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

/** An immutable description of one topic: how it is made and how its keys and values are read and written. */
public record Topic<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {
    public String name() {
        return spec.name();
    }
}
