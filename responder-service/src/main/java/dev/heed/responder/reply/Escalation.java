package dev.heed.responder.reply;

import java.time.Instant;

/** What a complaint reply may promise: the owning queue and the first-response due time of its policy. */
public record Escalation(String queue, Instant firstResponseDueAt) {}
