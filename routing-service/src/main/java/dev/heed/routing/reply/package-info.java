/**
 * Customer replies on an open complaint (issue #21): which feedback answers which complaint, and what is kept of the
 * replies. Plain values and rules, no Kafka types; the escalation step looks replies up, the clock processor attaches
 * them.
 */
package dev.heed.routing.reply;
