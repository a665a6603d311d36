/**
 * The complaint clock's state: the open clocks, their due-time index and the early acknowledgements, with the
 * formats they are stored in. Store formats and names are part of a deployed app's state: change them only
 * with a migration.
 */
package dev.heed.routing.topology.store;
