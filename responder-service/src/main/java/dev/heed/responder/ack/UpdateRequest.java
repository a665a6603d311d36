package dev.heed.responder.ack;

import java.time.Instant;

/**
 * What an agent sends to give the customer an update on an acknowledged complaint, or to resolve or reopen one (then
 * without {@code delay}, and a resolution without {@code nextUpdateBy}): the {@code message} as the customer
 * is to read it, optionally the next update promised ({@code nextUpdateBy}), and whether the update only moves the
 * promised time ({@code delay}). {@code agent} may be left out with an agent token; {@code updateId} is the client's
 * idempotency key, generated when left out.
 */
public record UpdateRequest(String agent, String message, Instant nextUpdateBy, boolean delay, String updateId) {}
