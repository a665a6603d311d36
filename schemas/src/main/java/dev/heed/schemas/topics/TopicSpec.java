package dev.heed.schemas.topics;

import java.util.Map;

/**
 * How a topic is created: its name, partition count, cleanup policy and further topic configs.
 * Replication is a property of the cluster, so it is chosen when topics are created, not here.
 */
public record TopicSpec(String name, int partitions, CleanupPolicy cleanupPolicy, Map<String, String> configs) {

    /** Kafka's two cleanup policies. */
    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String configValue;

        CleanupPolicy(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }
    }

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        configs = Map.copyOf(configs);
    }

    /** All topic-level configs to create the topic with, cleanup policy included. */
    public Map<String, String> allConfigs() {
        var all = new java.util.HashMap<>(configs);
        all.put("cleanup.policy", cleanupPolicy.configValue());
        return Map.copyOf(all);
    }
}
