package dev.heed.localstack;

import java.util.Map;

/**
 * Broker settings that a one-node cluster needs: internal topics default to replication factor 3,
 * which one node cannot satisfy, and the group rebalance delay only slows tests down.
 */
final class SingleNodeDefaults {

    static final Map<String, String> REPLICATION = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    private SingleNodeDefaults() {
    }
}
