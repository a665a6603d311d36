package dev.heed.ingest.intake;

import java.time.Instant;

/**
 * The answer to an accepted verdict: where it is stored, the ids and time the server gave it, and the verdict as it
 * was first given (a repeat of the same link gets this again, whatever it said).
 */
public record VerdictAccepted(String eventId, String complaintId, String resolutionId, int score, String ingestId, String topic,
                              int partition, long offset, Instant receivedAt) {}
