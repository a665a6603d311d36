package dev.heed.ingest.intake;

import java.time.Instant;

/** The answer to an accepted feedback: where it is stored, and the ids and time the server gave it. */
public record Accepted(String eventId, String ingestId, String topic, int partition, long offset, Instant receivedAt) {}
