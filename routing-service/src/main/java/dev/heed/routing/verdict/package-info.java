/**
 * The customer's verdict on a resolution (issue #21): what makes one negative, and what it does to its complaint. Plain
 * values and rules, no Kafka types; the clock processor applies them to the acknowledged complaints it keeps.
 */
package dev.heed.routing.verdict;
