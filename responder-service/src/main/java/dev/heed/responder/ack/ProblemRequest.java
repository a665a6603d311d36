package dev.heed.responder.ack;

/**
 * What an agent sends to act on a known problem: the {@code complaintId} to link or unlink, or the {@code message} that
 * resolves it (as every linked customer reads it). {@code agent} may be left out with an agent token; {@code eventId}
 * is the client's idempotency key, generated when left out.
 */
public record ProblemRequest(String agent, String complaintId, String message, String eventId) {}
