package dev.heed.responder.ack;

import java.time.Instant;

/**
 * What an agent sends to acknowledge a complaint. {@code agent} may be left out with an agent token (the
 * token names the agent); {@code source} says how (API, console, CLI).
 */
public record AckRequest(String agent, String note, Instant nextUpdateBy, dev.heed.events.AckSource source) {}
