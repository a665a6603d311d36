/** Builds the outgoing Avro events from the classifier's verdict and a complaint's clock, and translates back. */
package dev.heed.routing.topology.event;
