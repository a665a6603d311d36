package dev.heed.ingest.kafka;

/** Where the broker put an acknowledged record. */
public record Placement(String topic, int partition, long offset) {}
