package dev.heed.routing.topology;

import dev.heed.events.ComplaintEscalated;

/** A complaint to escalate, handed from the escalation step to the clock: the event to publish and the clock to start. */
record Escalation(ComplaintEscalated event, OpenComplaint open) {}
